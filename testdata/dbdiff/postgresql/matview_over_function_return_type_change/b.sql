CREATE TABLE t (id integer PRIMARY KEY, cents integer);
CREATE FUNCTION euros(c integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT c / 100.0';
CREATE MATERIALIZED VIEW t_euros AS SELECT id, euros(cents) AS eur FROM t;
CREATE UNIQUE INDEX t_euros_id ON t_euros (id);
