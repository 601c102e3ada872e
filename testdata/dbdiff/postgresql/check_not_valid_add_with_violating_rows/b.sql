CREATE TABLE orders (id integer PRIMARY KEY, qty integer);
ALTER TABLE orders ADD CONSTRAINT ck_orders_qty_positive CHECK (qty > 0) NOT VALID;
