CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE UNIQUE INDEX ux_users_email ON users (email);
INSERT INTO users VALUES (1, 'a@x');
