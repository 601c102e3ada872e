CREATE TABLE products (id integer PRIMARY KEY, name varchar(60), price numeric);
CREATE VIEW v_names AS SELECT id, name FROM products;
