DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA api;
GRANT USAGE ON SCHEMA api TO sd_dbdiff_reader;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
