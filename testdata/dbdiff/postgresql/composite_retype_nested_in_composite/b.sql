CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TYPE price_line AS (sku text, price money_amount);
CREATE TABLE order_lines (id integer PRIMARY KEY, line price_line);
