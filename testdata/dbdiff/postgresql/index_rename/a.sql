CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX t_a_idx ON t (a);
INSERT INTO t VALUES (1, 1);
