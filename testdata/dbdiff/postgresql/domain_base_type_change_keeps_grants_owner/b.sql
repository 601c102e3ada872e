DO $$ BEGIN CREATE ROLE sd_dbdiff_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA billing;
CREATE DOMAIN billing.invoice_code AS varchar(40) NOT NULL CHECK (VALUE ~ '^INV-');
COMMENT ON DOMAIN billing.invoice_code IS 'invoice number as printed';
ALTER DOMAIN billing.invoice_code OWNER TO sd_dbdiff_app;
REVOKE USAGE ON DOMAIN billing.invoice_code FROM PUBLIC;
GRANT USAGE ON DOMAIN billing.invoice_code TO sd_dbdiff_reader WITH GRANT OPTION;
CREATE TABLE billing.invoices (id integer PRIMARY KEY, code billing.invoice_code, issued_on date NOT NULL);
