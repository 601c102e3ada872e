CREATE TABLE t (id integer PRIMARY KEY, cents integer);
INSERT INTO t VALUES (1, 150);
CREATE FUNCTION euros(c integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT c / 100';
CREATE MATERIALIZED VIEW t_euros AS SELECT id, euros(cents) AS eur FROM t;
CREATE UNIQUE INDEX t_euros_id ON t_euros (id);
