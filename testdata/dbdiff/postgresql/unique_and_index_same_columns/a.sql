CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer);
CREATE INDEX ix_t_a ON t (a);
INSERT INTO t VALUES (1, 1, 1);
