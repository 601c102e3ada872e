CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE FUNCTION z_clean(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(s)) $$;
CREATE FUNCTION a_slug(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT replace(z_clean(s), ' ', '-') $$;
CREATE FUNCTION b_names() RETURNS SETOF text LANGUAGE sql STABLE AS $$ SELECT a_slug(name) FROM t $$;
