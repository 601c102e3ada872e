CREATE TABLE nodes (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO nodes VALUES (1, 'root'), (2, 'leaf');
