CREATE TABLE users (id integer PRIMARY KEY, name text, email text, active boolean DEFAULT true);
INSERT INTO users VALUES (1, 'a', 'a@x', true), (2, 'b', 'b@x', false);
CREATE FUNCTION active_users() RETURNS TABLE (id integer, name text) LANGUAGE sql STABLE AS $$ SELECT id, name FROM users WHERE active $$;
CREATE VIEW active_names AS SELECT name FROM active_users();
