CREATE TABLE users (id integer PRIMARY KEY, email text, first text, last text);
CREATE INDEX ix_users_email ON users (lower(email));
CREATE INDEX ix_users_name ON users ((first || ' ' || last), id);
