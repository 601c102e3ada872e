CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE t_stats (n bigint);
CREATE FUNCTION t_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT n FROM t_stats; END;
CREATE VIEW t_summary AS SELECT t_count() AS n;
