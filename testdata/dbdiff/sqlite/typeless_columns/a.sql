CREATE TABLE t (a, b, c);
INSERT INTO t VALUES (1, 'x', 2.5);
