CREATE FUNCTION initials(s text) RETURNS text LANGUAGE sql AS $$ SELECT upper(left(s, 1)) $$;
