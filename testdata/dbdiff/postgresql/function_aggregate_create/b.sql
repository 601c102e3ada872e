CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE FUNCTION concat_sep(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN acc IS NULL THEN v ELSE acc || ';' || v END $$;
CREATE AGGREGATE semicolon_join(text) (SFUNC = concat_sep, STYPE = text);
