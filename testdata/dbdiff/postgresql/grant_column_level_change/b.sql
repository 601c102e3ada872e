DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
GRANT SELECT (id, a) ON t TO sd_dbdiff_reader;
GRANT UPDATE (b), REFERENCES (id) ON t TO sd_dbdiff_reader;
GRANT INSERT (id, a), UPDATE (c) ON t TO sd_dbdiff_writer WITH GRANT OPTION;
