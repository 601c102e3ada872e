CREATE SEQUENCE invoice_numbers START 100;
CREATE TABLE invoices (id integer PRIMARY KEY, no integer DEFAULT nextval('invoice_numbers'));
INSERT INTO invoices (id) VALUES (1);
