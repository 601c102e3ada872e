CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
CREATE VIEW order_notes AS SELECT id, total FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_notes WHERE total > 100;
