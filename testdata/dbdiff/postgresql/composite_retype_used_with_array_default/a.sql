CREATE TYPE money_amount AS (amount numeric(10,2), currency char(3), note text);
COMMENT ON TYPE money_amount IS 'an amount and its currency';
COMMENT ON COLUMN money_amount.currency IS 'ISO 4217';
CREATE TABLE invoices (id integer PRIMARY KEY, total money_amount NOT NULL DEFAULT ROW(0, 'EUR', NULL)::money_amount, parts money_amount[]);
CREATE TABLE archived_invoices (archived_at date) INHERITS (invoices);
INSERT INTO invoices VALUES (1, ROW(12.5, 'EUR', 'first'), ARRAY[ROW(10, 'EUR', NULL)::money_amount, ROW(2.5, 'EUR', 'tip')::money_amount]);
INSERT INTO archived_invoices VALUES (2, ROW(3, 'USD', NULL), NULL, '2024-01-01');
CREATE TYPE span AS (lo integer, hi integer);
CREATE TABLE slots (id integer PRIMARY KEY, s span);
