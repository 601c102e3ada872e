DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY);
GRANT SELECT ON t TO sd_dbdiff_writer;
