CREATE TABLE nodes (id integer PRIMARY KEY, name text);
INSERT INTO nodes VALUES (1, 'root'), (2, 'leaf');
