CREATE FUNCTION greeting(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'Hello, ' || name || '!' $$;
