CREATE TABLE empty_one (id integer PRIMARY KEY, v text);
CREATE TABLE filled (id integer PRIMARY KEY, v text);
INSERT INTO filled VALUES (1, 'x'), (2, 'y');
