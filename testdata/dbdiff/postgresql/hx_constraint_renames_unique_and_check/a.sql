CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, CONSTRAINT accounts_email_key UNIQUE (email), CONSTRAINT accounts_email_check CHECK (email LIKE '%@%'));
INSERT INTO accounts VALUES (1, 'a@x.org');
