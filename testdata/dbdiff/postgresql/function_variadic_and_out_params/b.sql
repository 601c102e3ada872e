CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION mean(VARIADIC xs numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT avg(x) FROM unnest(xs) x';
CREATE FUNCTION min_max(xs integer[], OUT lo integer, OUT hi integer) LANGUAGE sql IMMUTABLE AS 'SELECT min(x), max(x) FROM unnest(xs) x';
