CREATE TABLE products (id integer PRIMARY KEY, name text, price numeric, stock integer DEFAULT 0);
CREATE VIEW cheap AS SELECT id, name FROM products WHERE price < 10;
CREATE INDEX ix_products_name ON products (name);
