CREATE DOMAIN code AS text;
CREATE TABLE products (id integer PRIMARY KEY, c code);
INSERT INTO products VALUES (1, 'A1');
