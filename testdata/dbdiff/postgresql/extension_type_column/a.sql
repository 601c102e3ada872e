CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE users (id integer PRIMARY KEY, email text);
INSERT INTO users VALUES (1, 'A@x');
