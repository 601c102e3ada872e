CREATE SCHEMA util;
CREATE FUNCTION slugify(v text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT regexp_replace(lower(v), '[^a-z0-9]+', '-', 'g') $$;
CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, slug text DEFAULT slugify('untitled'));
INSERT INTO posts VALUES (1, 'Hello World', 'hello-world');
