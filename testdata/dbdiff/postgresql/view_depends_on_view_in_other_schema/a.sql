CREATE SCHEMA core;
CREATE SCHEMA reports;
CREATE TABLE core.items (id integer PRIMARY KEY, price numeric);
CREATE VIEW core.priced AS SELECT id, price FROM core.items WHERE price IS NOT NULL;
