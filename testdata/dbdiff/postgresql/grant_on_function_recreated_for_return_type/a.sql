DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 42';
REVOKE EXECUTE ON FUNCTION answer() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION answer() TO sd_dbdiff_reader;
COMMENT ON FUNCTION answer() IS 'the answer';
