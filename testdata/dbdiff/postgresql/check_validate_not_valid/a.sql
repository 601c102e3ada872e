CREATE TABLE items (id integer PRIMARY KEY, price numeric);
ALTER TABLE items ADD CONSTRAINT ck_items_price CHECK (price >= 0) NOT VALID;
INSERT INTO items VALUES (1, 10);
