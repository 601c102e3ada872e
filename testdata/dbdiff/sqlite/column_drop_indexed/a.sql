CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, code TEXT UNIQUE);
CREATE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_name_part ON users (name) WHERE email IS NOT NULL;
INSERT INTO users VALUES (1, 'ann', 'a@x', 'c1');
