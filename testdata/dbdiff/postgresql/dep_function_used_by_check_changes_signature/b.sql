CREATE FUNCTION is_positive(v bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
CREATE TABLE t (id integer PRIMARY KEY, n bigint CONSTRAINT ck_t_n CHECK (is_positive(n)));
