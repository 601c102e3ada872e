CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.19) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT round(amount * (1 + rate), 2) $$;
