CREATE SCHEMA "Billing";
CREATE SEQUENCE "Billing"."Inv_Seq" START 500;
CREATE TABLE invoices (id integer PRIMARY KEY, no integer);
INSERT INTO invoices VALUES (1, 1);
