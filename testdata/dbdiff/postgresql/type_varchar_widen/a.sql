CREATE TABLE people (id integer PRIMARY KEY, name varchar(10), city character varying(20));
INSERT INTO people VALUES (1, 'ann', 'oslo');
