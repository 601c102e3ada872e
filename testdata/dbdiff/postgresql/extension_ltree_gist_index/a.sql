CREATE TABLE categories (id integer PRIMARY KEY, name text);
INSERT INTO categories VALUES (1, 'root');
