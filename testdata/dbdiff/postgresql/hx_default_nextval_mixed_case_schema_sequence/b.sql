CREATE SCHEMA "Billing";
CREATE SEQUENCE "Billing"."Inv_Seq" START 500 INCREMENT 2;
CREATE TABLE invoices (id integer PRIMARY KEY, no integer NOT NULL DEFAULT nextval('"Billing"."Inv_Seq"'::regclass));
