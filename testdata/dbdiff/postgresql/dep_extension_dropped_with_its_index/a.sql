CREATE EXTENSION pg_trgm;
CREATE TABLE products (id integer PRIMARY KEY, name text);
CREATE INDEX ix_products_name_trgm ON products USING gin (name gin_trgm_ops);
INSERT INTO products VALUES (1, 'x');
