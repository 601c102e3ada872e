CREATE TABLE items (id integer PRIMARY KEY, price numeric, CONSTRAINT ck_items_price CHECK (price >= 0));
