DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE t (id integer PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'a'), (2, 'b');
CREATE FUNCTION concat_sep(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN acc IS NULL THEN v ELSE acc || ';' || v END $$;
CREATE AGGREGATE semicolon_join(text) (SFUNC = concat_sep, STYPE = text);
CREATE AGGREGATE total_len(text) (SFUNC = concat_sep, STYPE = text, INITCOND = '');
GRANT EXECUTE ON FUNCTION total_len(text) TO sd_dbdiff_reader;
