CREATE TABLE products (id integer PRIMARY KEY, name varchar(20), price numeric);
CREATE VIEW v_names AS SELECT id, name FROM products;
INSERT INTO products VALUES (1, 'a', 5);
