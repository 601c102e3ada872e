CREATE TABLE t (id integer PRIMARY KEY, grp text, v numeric);
CREATE VIEW tv AS SELECT grp, v FROM t WHERE v > 0;
CREATE MATERIALIZED VIEW tv_sum AS SELECT grp, sum(v) AS total FROM tv GROUP BY grp;
