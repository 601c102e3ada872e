CREATE TABLE users (id integer PRIMARY KEY, email text, CONSTRAINT ux_users_email UNIQUE (email));
