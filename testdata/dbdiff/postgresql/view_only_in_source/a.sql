CREATE TABLE products (id integer PRIMARY KEY, name text);
CREATE VIEW v_products AS SELECT id, name FROM products;
CREATE MATERIALIZED VIEW mv_products AS SELECT count(*) AS n FROM products;
INSERT INTO products VALUES (1, 'a');
