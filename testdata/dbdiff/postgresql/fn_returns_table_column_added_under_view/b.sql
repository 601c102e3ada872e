CREATE TABLE users (id integer PRIMARY KEY, name text, email text, active boolean DEFAULT true);
CREATE FUNCTION active_users() RETURNS TABLE (id integer, name text, email text) LANGUAGE sql STABLE AS $$ SELECT id, name, email FROM users WHERE active $$;
CREATE VIEW active_names AS SELECT name FROM active_users();
