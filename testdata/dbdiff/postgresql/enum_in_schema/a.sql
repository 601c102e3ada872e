CREATE SCHEMA shop;
CREATE TYPE shop.kind AS ENUM ('book', 'cd');
CREATE TABLE shop.items (id integer PRIMARY KEY, k shop.kind);
INSERT INTO shop.items VALUES (1, 'book');
