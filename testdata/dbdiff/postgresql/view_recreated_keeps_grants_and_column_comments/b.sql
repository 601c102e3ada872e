DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
CREATE VIEW balances AS SELECT id, balance FROM accounts;
COMMENT ON COLUMN balances.balance IS 'in cents';
GRANT SELECT ON balances TO sd_dbdiff_reader;
GRANT SELECT (id), UPDATE (balance) ON balances TO sd_dbdiff_writer;
