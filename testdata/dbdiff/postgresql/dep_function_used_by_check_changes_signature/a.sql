CREATE FUNCTION is_positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
CREATE TABLE t (id integer PRIMARY KEY, n integer CONSTRAINT ck_t_n CHECK (is_positive(n)));
INSERT INTO t VALUES (1, 5);
