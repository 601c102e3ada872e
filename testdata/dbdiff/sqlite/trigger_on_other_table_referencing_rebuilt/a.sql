CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, stock INTEGER);
CREATE TABLE sales (id INTEGER PRIMARY KEY, product INTEGER REFERENCES products (id), qty INTEGER);
CREATE TRIGGER trg_sales_stock AFTER INSERT ON sales BEGIN UPDATE products SET stock = stock - NEW.qty WHERE id = NEW.product; END;
INSERT INTO products VALUES (1, 'p', 10);
