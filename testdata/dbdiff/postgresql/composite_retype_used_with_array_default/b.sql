CREATE TYPE money_amount AS (amount numeric(14,2), currency varchar(3), note text);
COMMENT ON TYPE money_amount IS 'an amount and its currency';
COMMENT ON COLUMN money_amount.currency IS 'ISO 4217';
CREATE TABLE invoices (id integer PRIMARY KEY, total money_amount NOT NULL DEFAULT ROW(0, 'EUR', NULL)::money_amount, parts money_amount[]);
CREATE TABLE archived_invoices (archived_at date) INHERITS (invoices);
CREATE TYPE span AS (lo bigint, hi bigint, label text);
CREATE TABLE slots (id integer PRIMARY KEY, s span);
