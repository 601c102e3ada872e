CREATE TABLE items (id integer PRIMARY KEY, code text);
INSERT INTO items VALUES (1, 'x'), (2, 'y');
CREATE FUNCTION fmt(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT '#' || v $$;
CREATE FUNCTION fmt(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT '[' || v || ']' $$;
CREATE VIEW items_fmt AS SELECT id, fmt(code) AS label FROM items;
