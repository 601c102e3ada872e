CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent', $1) $$;
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL);
CREATE INDEX products_name_plain ON products (immutable_unaccent(lower(name)));
