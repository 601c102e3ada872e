CREATE TABLE orders (id integer PRIMARY KEY, total numeric, status text);
CREATE VIEW open_orders AS SELECT id, total, status FROM orders WHERE status IN ('open', 'pending');
