CREATE TABLE users (id integer PRIMARY KEY, email text, nick text);
CREATE INDEX ix_users_lower_email ON users (lower(email));
CREATE INDEX ix_users_nick_part ON users (id) WHERE nick IS NOT NULL;
INSERT INTO users VALUES (1, 'a', 'n');
