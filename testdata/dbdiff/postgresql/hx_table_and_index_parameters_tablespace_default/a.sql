CREATE TABLE readings (id integer PRIMARY KEY, sensor text NOT NULL, val double precision);
INSERT INTO readings VALUES (1, 's1', 1.5);
