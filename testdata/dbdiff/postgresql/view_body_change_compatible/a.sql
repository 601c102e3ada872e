CREATE TABLE orders (id integer PRIMARY KEY, total numeric, status text);
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open';
