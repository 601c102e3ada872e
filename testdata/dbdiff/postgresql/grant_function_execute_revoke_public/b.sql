DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION reset_all() RETURNS void LANGUAGE sql AS 'SELECT';
REVOKE EXECUTE ON FUNCTION reset_all() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reset_all() TO sd_dbdiff_writer;
