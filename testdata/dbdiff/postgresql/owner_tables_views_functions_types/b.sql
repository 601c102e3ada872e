DO $$ BEGIN CREATE ROLE sd_dbdiff_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "sd_dbdiff Ops" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA billing;
CREATE TYPE billing.invoice_state AS ENUM ('draft', 'sent', 'paid');
CREATE DOMAIN billing.money_cents AS bigint CHECK (VALUE >= 0);
CREATE TABLE billing.invoices (
    id bigserial PRIMARY KEY,
    state billing.invoice_state NOT NULL DEFAULT 'draft',
    total billing.money_cents NOT NULL
);
CREATE TABLE billing.audit (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
CREATE SEQUENCE billing.invoice_number_seq;
CREATE VIEW billing.open_invoices AS SELECT id, total FROM billing.invoices WHERE state <> 'paid';
CREATE MATERIALIZED VIEW billing.totals AS SELECT state, sum(total) AS total FROM billing.invoices GROUP BY state;
CREATE FUNCTION billing.invoice_total(p_id bigint) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT total FROM billing.invoices WHERE id = p_id $$;
CREATE AGGREGATE billing.cents_sum(bigint) (SFUNC = int8pl, STYPE = bigint);
CREATE TABLE billing.refunds (id bigint PRIMARY KEY, invoice_id bigint REFERENCES billing.invoices (id));
ALTER TABLE billing.invoices OWNER TO "sd_dbdiff Ops";
ALTER TABLE billing.audit OWNER TO sd_dbdiff_app;
ALTER TABLE billing.refunds OWNER TO sd_dbdiff_app;
ALTER SEQUENCE billing.invoice_number_seq OWNER TO sd_dbdiff_app;
ALTER MATERIALIZED VIEW billing.totals OWNER TO sd_dbdiff_app;
ALTER FUNCTION billing.invoice_total(bigint) OWNER TO sd_dbdiff_app;
ALTER AGGREGATE billing.cents_sum(bigint) OWNER TO sd_dbdiff_app;
ALTER TYPE billing.invoice_state OWNER TO sd_dbdiff_app;
ALTER DOMAIN billing.money_cents OWNER TO "sd_dbdiff Ops";
INSERT INTO billing.invoices (state, total) VALUES ('sent', 1200), ('paid', 300);
