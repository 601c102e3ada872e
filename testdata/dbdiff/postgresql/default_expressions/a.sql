CREATE TABLE d (id integer PRIMARY KEY, a text, b integer, c timestamptz, e boolean, f numeric);
INSERT INTO d (id) VALUES (1);
