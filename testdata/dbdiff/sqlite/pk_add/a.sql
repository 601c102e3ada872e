CREATE TABLE t (code TEXT NOT NULL, v TEXT);
INSERT INTO t VALUES ('a', 'x'), ('b', 'y');
