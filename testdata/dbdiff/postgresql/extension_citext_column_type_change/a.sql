CREATE EXTENSION citext;
CREATE TABLE accounts (id integer PRIMARY KEY, login text UNIQUE);
INSERT INTO accounts VALUES (1, 'Alice');
