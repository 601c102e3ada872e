CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_no_seq START 1000;
CREATE TABLE invoices (id integer PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('billing.invoice_no_seq'));
