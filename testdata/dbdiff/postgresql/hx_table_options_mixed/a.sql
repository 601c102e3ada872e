CREATE TABLE metrics (id integer PRIMARY KEY, host text, val numeric);
INSERT INTO metrics VALUES (1, 'a', 1);
