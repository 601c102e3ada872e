CREATE TABLE users (id integer PRIMARY KEY, email text, CONSTRAINT uq_users_email UNIQUE (email));
INSERT INTO users VALUES (1, 'a@x');
