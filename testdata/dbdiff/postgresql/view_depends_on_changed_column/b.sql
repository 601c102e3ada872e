CREATE TABLE products (id integer PRIMARY KEY, name varchar(20), price numeric(10,2));
CREATE VIEW v_names AS SELECT id, name FROM products;
