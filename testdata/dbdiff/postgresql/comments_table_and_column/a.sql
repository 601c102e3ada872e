CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
COMMENT ON TABLE users IS 'old comment';
COMMENT ON COLUMN users.email IS 'login address';
INSERT INTO users VALUES (1, 'a', 'b');
