CREATE TABLE users (id integer PRIMARY KEY, name text, legacy_flag smallint, notes text);
INSERT INTO users VALUES (1, 'ann', 1, 'x'), (2, 'bob', 0, NULL);
