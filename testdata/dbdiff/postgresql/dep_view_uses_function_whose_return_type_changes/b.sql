CREATE TABLE t (id integer PRIMARY KEY, cents integer);
CREATE FUNCTION euros(c integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT c / 100.0';
CREATE VIEW t_euros AS SELECT id, euros(cents) AS eur FROM t;
