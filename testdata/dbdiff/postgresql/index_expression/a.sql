CREATE TABLE users (id integer PRIMARY KEY, email text, first text, last text);
CREATE INDEX ix_users_email ON users (email);
INSERT INTO users VALUES (1, 'A@x', 'a', 'b');
