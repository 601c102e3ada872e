CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
INSERT INTO t VALUES (1, 2, 3);
CREATE VIEW v1 AS SELECT id, a, b FROM t;
CREATE VIEW v2 AS SELECT id, a FROM v1;
