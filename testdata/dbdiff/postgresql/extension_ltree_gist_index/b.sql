CREATE EXTENSION ltree;
CREATE TABLE categories (id integer PRIMARY KEY, name text, path ltree);
CREATE INDEX ix_categories_path ON categories USING gist (path);
