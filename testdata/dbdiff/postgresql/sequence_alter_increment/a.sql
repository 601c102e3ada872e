CREATE SEQUENCE invoice_no START 1;
CREATE TABLE invoices (no integer PRIMARY KEY DEFAULT nextval('invoice_no'), total numeric);
INSERT INTO invoices (total) VALUES (10), (20);
