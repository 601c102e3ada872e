DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION reset_all() RETURNS void LANGUAGE sql AS 'SELECT';
