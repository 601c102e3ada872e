CREATE TABLE products (id integer PRIMARY KEY, name text, price numeric);
CREATE VIEW cheap AS SELECT id, name FROM products WHERE price < 10;
INSERT INTO products VALUES (1, 'a', 5);
