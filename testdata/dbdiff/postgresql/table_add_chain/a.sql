CREATE TABLE keep (id integer PRIMARY KEY, v text);
INSERT INTO keep VALUES (1, 'x');
