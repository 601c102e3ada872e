CREATE TABLE measurements (id integer PRIMARY KEY, value real, sensor integer);
ALTER TABLE measurements ALTER COLUMN sensor SET (n_distinct = 250);
ALTER TABLE measurements ALTER COLUMN sensor SET STATISTICS 400;
CREATE TABLE sensors (id integer PRIMARY KEY, name text);
ALTER TABLE sensors ALTER COLUMN name SET (n_distinct_inherited = -0.5);
