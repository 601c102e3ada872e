DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, a text, b text, c text);
INSERT INTO t VALUES (1, 'a', 'b', 'c');
GRANT SELECT (id, a, b) ON t TO sd_dbdiff_reader;
GRANT UPDATE (c) ON t TO sd_dbdiff_writer;
