CREATE TABLE items (id integer PRIMARY KEY, deleted boolean NOT NULL DEFAULT false);
INSERT INTO items VALUES (1, false), (2, false);
