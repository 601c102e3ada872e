DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, v text);
GRANT SELECT ON t TO sd_dbdiff_reader;
