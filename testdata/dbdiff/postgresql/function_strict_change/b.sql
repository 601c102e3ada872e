CREATE FUNCTION initials(s text) RETURNS text LANGUAGE sql STRICT AS $$ SELECT upper(left(s, 1)) $$;
