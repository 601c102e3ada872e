CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL, status TEXT);
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open';
