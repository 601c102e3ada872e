CREATE TABLE items (id integer PRIMARY KEY, sku text NOT NULL);
CREATE UNIQUE INDEX items_sku_idx ON items (sku);
INSERT INTO items VALUES (1, 'A');
