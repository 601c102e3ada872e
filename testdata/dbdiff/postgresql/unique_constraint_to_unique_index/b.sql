CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE UNIQUE INDEX uq_users_email ON users (email);
