CREATE TABLE accounts (id integer PRIMARY KEY, email text, name text, CONSTRAINT uq_accounts_email UNIQUE (email) INCLUDE (name));
