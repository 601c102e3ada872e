CREATE TABLE t (id integer PRIMARY KEY, v integer);
CREATE MATERIALIZED VIEW t_stats AS SELECT count(*) AS n, avg(v) AS mean FROM t;
