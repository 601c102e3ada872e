CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL);
INSERT INTO counters VALUES (1, 10), (2, 20);
CREATE FUNCTION bump(INOUT n integer, step integer DEFAULT 1) LANGUAGE sql IMMUTABLE AS 'SELECT n + step';
