CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
CREATE TABLE order_log (order_id INTEGER, op TEXT);
CREATE TRIGGER trg_orders_ins AFTER INSERT ON orders BEGIN INSERT INTO order_log VALUES (NEW.id, 'insert'); END;
