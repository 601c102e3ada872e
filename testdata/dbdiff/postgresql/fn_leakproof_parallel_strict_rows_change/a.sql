CREATE FUNCTION is_even(x integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x % 2 = 0';
CREATE FUNCTION evens(n integer) RETURNS SETOF integer LANGUAGE sql IMMUTABLE AS 'SELECT g FROM generate_series(0, n, 2) g';
CREATE TABLE t (id integer PRIMARY KEY);
INSERT INTO t VALUES (1);
