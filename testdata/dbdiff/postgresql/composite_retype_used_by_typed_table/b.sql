CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TABLE order_lines (id integer PRIMARY KEY, extra money_amount[]);
CREATE TABLE list_prices OF money_amount (currency WITH OPTIONS NOT NULL DEFAULT 'EUR');
