CREATE TABLE nodes (id integer PRIMARY KEY, parent integer REFERENCES nodes (id));
INSERT INTO nodes VALUES (1, NULL), (2, 1);
