CREATE TABLE users (id integer PRIMARY KEY, email text, login text CONSTRAINT users_login_key UNIQUE);
INSERT INTO users VALUES (1, 'a@x', 'a'), (2, 'b@x', 'b');
