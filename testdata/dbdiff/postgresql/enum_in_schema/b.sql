CREATE SCHEMA shop;
CREATE TYPE shop.kind AS ENUM ('book', 'dvd', 'cd');
CREATE TABLE shop.items (id integer PRIMARY KEY, k shop.kind);
