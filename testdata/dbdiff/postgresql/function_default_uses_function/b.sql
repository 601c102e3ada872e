CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C' || floor(random() * 1000)::int $$;
CREATE TABLE codes (id integer PRIMARY KEY, code text DEFAULT next_code(), uid uuid DEFAULT gen_random_uuid());
