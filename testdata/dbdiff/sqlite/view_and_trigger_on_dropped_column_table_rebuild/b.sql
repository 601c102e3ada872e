CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
CREATE TABLE order_audit (order_id INTEGER, total REAL);
CREATE TRIGGER trg_orders_audit AFTER UPDATE OF total ON orders BEGIN INSERT INTO order_audit VALUES (NEW.id, NEW.total); END;
CREATE VIEW order_totals AS SELECT id, total FROM orders;
