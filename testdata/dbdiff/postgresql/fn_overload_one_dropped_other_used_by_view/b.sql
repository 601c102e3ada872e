CREATE TABLE items (id integer PRIMARY KEY, code text);
CREATE FUNCTION fmt(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT '[' || v || ']' $$;
CREATE FUNCTION fmt(v text, w integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lpad(v, w) $$;
CREATE VIEW items_fmt AS SELECT id, fmt(code) AS label FROM items;
