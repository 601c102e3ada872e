CREATE SCHEMA billing;
CREATE TYPE billing.money_amount AS (amount numeric(14,2), currency char(3));
CREATE TYPE billing.price_line AS (sku text, price billing.money_amount);
CREATE DOMAIN billing.positive_amount AS billing.money_amount CHECK ((VALUE).amount >= 0);
CREATE TABLE billing.invoices (
    id integer PRIMARY KEY,
    main_line billing.price_line NOT NULL DEFAULT ROW('none', ROW(0, 'EUR'))::billing.price_line,
    extra_lines billing.price_line[],
    deposit billing.positive_amount,
    fee billing.money_amount
);
CREATE TABLE billing.archived_invoices (archived_on date) INHERITS (billing.invoices);
CREATE INDEX invoices_main_sku_idx ON billing.invoices (((main_line).sku));
CREATE VIEW billing.invoice_skus AS SELECT id, (main_line).sku AS sku, main_line FROM billing.invoices;
