CREATE TABLE wide (id integer PRIMARY KEY);
INSERT INTO wide VALUES (1), (2);
