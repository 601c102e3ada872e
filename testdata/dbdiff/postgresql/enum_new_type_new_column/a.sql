CREATE TABLE users (id integer PRIMARY KEY, name text);
INSERT INTO users VALUES (1, 'ann');
