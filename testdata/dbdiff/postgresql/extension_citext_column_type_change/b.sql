CREATE EXTENSION citext;
CREATE TABLE accounts (id integer PRIMARY KEY, login citext UNIQUE);
