CREATE SCHEMA billing;
CREATE TYPE billing.money_amount AS (amount numeric(10,2), currency char(3));
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
INSERT INTO billing.invoices VALUES
    (1, ROW('A-1', ROW(10.5, 'EUR')), ARRAY[ROW('B-2', ROW(3.25, 'USD'))::billing.price_line], ROW(5, 'EUR'), ROW(1.5, 'EUR')),
    (2, ROW('C-3', NULL), NULL, NULL, NULL);
INSERT INTO billing.archived_invoices VALUES
    (3, ROW('D-4', ROW(99.99, 'GBP')), NULL, ROW(0, 'GBP'), NULL, '2024-03-31');
