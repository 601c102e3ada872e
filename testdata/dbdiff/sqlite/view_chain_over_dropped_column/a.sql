-- A column dropped in place (ALTER TABLE DROP COLUMN) under a chain of
-- views: SQLite refuses the drop while a view names the column, so the
-- chain goes first and comes back after, the view over the view too.
CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL, note TEXT);
CREATE VIEW order_notes AS SELECT id, total, note FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_notes WHERE total > 100;
INSERT INTO orders VALUES (1, 150, 'x'), (2, 10, NULL);
