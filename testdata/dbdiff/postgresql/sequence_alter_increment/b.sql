CREATE SEQUENCE invoice_no START 1 INCREMENT BY 10;
CREATE TABLE invoices (no integer PRIMARY KEY DEFAULT nextval('invoice_no'), total numeric);
