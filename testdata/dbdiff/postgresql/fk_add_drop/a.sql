CREATE TABLE authors (id integer PRIMARY KEY, name text);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer, editor_id integer REFERENCES authors (id));
INSERT INTO authors VALUES (1, 'a'), (2, 'b');
INSERT INTO books VALUES (1, 1, 2);
