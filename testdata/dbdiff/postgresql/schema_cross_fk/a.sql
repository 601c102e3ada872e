CREATE SCHEMA auth;
CREATE SCHEMA app;
CREATE TABLE auth.users (id integer PRIMARY KEY, name text);
CREATE TABLE app.posts (id integer PRIMARY KEY, author integer);
INSERT INTO auth.users VALUES (1, 'a');
INSERT INTO app.posts VALUES (1, 1);
