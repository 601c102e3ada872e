CREATE TABLE products (id integer PRIMARY KEY, name text);
CREATE INDEX ix_products_name ON products (name);
