CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO accounts VALUES (1, 'acme'), (2, 'globex');
