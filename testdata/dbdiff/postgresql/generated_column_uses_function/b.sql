CREATE FUNCTION full_name(first text, last text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT first || ' ' || last $$;
CREATE TABLE people (id integer PRIMARY KEY, first text, last text, name text GENERATED ALWAYS AS (full_name(first, last)) STORED);
