CREATE TABLE items (id integer PRIMARY KEY, price integer, qty integer, total integer GENERATED ALWAYS AS (price * qty) STORED);
CREATE INDEX ix_items_total ON items (total);
INSERT INTO items (id, price, qty) VALUES (1, 3, 4);
