CREATE TABLE users (id integer PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id integer PRIMARY KEY, user_id integer REFERENCES public.users (id), total numeric(10,2));
CREATE INDEX ix_invoices_user ON billing.invoices (user_id);
