CREATE TABLE accounts (id integer PRIMARY KEY, email text, nick text NOT NULL);
INSERT INTO accounts VALUES (1, 'a@x', 'a');
