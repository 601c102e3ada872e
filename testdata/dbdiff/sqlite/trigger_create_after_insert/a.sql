CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
CREATE TABLE order_log (order_id INTEGER, op TEXT);
