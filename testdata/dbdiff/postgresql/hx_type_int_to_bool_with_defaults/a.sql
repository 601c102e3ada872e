CREATE TABLE flags (id integer PRIMARY KEY, active integer NOT NULL DEFAULT 1, archived smallint DEFAULT 0);
INSERT INTO flags VALUES (1, 1, 0), (2, 0, 1), (3, 1, NULL);
