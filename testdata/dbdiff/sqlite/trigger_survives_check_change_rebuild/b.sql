CREATE TABLE stock (sku TEXT PRIMARY KEY, qty INTEGER CONSTRAINT ck_stock_qty CHECK (qty >= 0));
CREATE TABLE stock_log (sku TEXT, qty INTEGER);
CREATE TRIGGER trg_stock_log AFTER UPDATE ON stock BEGIN INSERT INTO stock_log VALUES (NEW.sku, NEW.qty); END;
CREATE VIEW low_stock AS SELECT sku FROM stock WHERE qty < 5;
