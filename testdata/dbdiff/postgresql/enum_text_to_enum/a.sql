CREATE TABLE cars (id integer PRIMARY KEY, color text, k text);
INSERT INTO cars VALUES (1, 'red', 'x');
