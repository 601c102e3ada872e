CREATE EXTENSION pg_trgm;
CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL);
CREATE INDEX ix_products_name_trgm ON products USING gin (name gin_trgm_ops);
