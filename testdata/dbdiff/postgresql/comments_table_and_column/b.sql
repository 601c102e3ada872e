CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
COMMENT ON TABLE users IS 'Registered users (it''s "quoted")';
COMMENT ON COLUMN users.name IS 'display name';
