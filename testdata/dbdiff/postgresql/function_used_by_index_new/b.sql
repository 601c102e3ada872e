CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT lower(trim(e)) $$;
CREATE TABLE people (id integer PRIMARY KEY, email text);
CREATE UNIQUE INDEX ux_people_email ON people (normalize_email(email));
