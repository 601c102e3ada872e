CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C' || floor(random() * 1000)::int $$;
CREATE TABLE codes (id integer PRIMARY KEY, code text);
INSERT INTO codes VALUES (1, 'x');
