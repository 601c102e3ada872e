CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL);
CREATE FUNCTION bump(INOUT n integer, step integer DEFAULT 2, OUT doubled integer) LANGUAGE sql IMMUTABLE AS 'SELECT n + step, (n + step) * 2';
