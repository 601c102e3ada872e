CREATE TABLE t (id integer PRIMARY KEY, cents integer);
CREATE FUNCTION euros(c integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT c / 100';
CREATE VIEW t_euros AS SELECT id, euros(cents) AS eur FROM t;
