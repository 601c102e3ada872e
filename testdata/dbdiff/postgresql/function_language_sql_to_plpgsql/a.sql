CREATE FUNCTION fmt_money(c bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(c / 100.0, 'FM999999990.00') $$;
