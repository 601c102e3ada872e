CREATE TABLE docs (id integer PRIMARY KEY, title text);
INSERT INTO docs VALUES (1, 'hello');
