CREATE TABLE t (id integer PRIMARY KEY, price numeric);
CREATE FUNCTION with_vat(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round($1 * 1.19, 2)';
CREATE VIEW prices_gross AS SELECT id, with_vat(price) AS gross FROM t;
