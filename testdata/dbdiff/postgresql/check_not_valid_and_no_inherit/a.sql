CREATE TABLE t (id integer PRIMARY KEY, a integer);
INSERT INTO t VALUES (1, 1);
