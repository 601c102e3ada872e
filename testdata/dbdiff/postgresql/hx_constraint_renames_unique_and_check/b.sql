CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, CONSTRAINT uq_accounts_email UNIQUE (email), CONSTRAINT ck_accounts_email CHECK (email LIKE '%@%'));
