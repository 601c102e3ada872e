DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE reports (id integer PRIMARY KEY, body text);
GRANT SELECT ON reports TO sd_dbdiff_reader;
