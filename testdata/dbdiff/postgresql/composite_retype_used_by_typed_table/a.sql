CREATE TYPE money_amount AS (amount numeric(10,2), currency char(3));
CREATE TABLE order_lines (id integer PRIMARY KEY, extra money_amount[]);
CREATE TABLE list_prices OF money_amount (currency WITH OPTIONS NOT NULL DEFAULT 'EUR');
INSERT INTO order_lines VALUES (1, ARRAY[ROW(1.25, 'USD')::money_amount]), (2, NULL);
INSERT INTO list_prices VALUES (99.99, 'EUR'), (5, 'GBP');
