CREATE TABLE people (id integer PRIMARY KEY, name varchar(200), code char(5));
INSERT INTO people VALUES (1, 'ann', 'ab');
