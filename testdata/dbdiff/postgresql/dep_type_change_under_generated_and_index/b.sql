CREATE TABLE items (id integer PRIMARY KEY, price numeric(10,2), qty integer, total numeric GENERATED ALWAYS AS (price * qty) STORED);
CREATE INDEX ix_items_total ON items (total);
