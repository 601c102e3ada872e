CREATE TABLE positions (id integer PRIMARY KEY, ord integer NOT NULL);
INSERT INTO positions VALUES (1, 1), (2, 2);
