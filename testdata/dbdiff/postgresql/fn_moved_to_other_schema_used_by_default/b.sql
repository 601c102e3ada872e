CREATE SCHEMA util;
CREATE FUNCTION util.slugify(v text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT regexp_replace(lower(v), '[^a-z0-9]+', '-', 'g') $$;
CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, slug text DEFAULT util.slugify('untitled'));
