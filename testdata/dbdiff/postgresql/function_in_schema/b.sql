CREATE SCHEMA util;
CREATE FUNCTION util.slugify(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT trim(both '-' from regexp_replace(lower(s), '[^a-z0-9]+', '-', 'g')) $$;
