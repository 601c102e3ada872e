CREATE TYPE money_amount AS (amount numeric(10,2), currency char(3));
CREATE TYPE price_line AS (sku text, price money_amount);
CREATE TABLE order_lines (id integer PRIMARY KEY, line price_line);
INSERT INTO order_lines VALUES (1, ROW('A-1', ROW(10.5, 'EUR'))), (2, NULL);
