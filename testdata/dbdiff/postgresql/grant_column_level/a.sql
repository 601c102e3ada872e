DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE employees (id integer PRIMARY KEY, name text, salary numeric);
