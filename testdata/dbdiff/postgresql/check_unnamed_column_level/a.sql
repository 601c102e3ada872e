CREATE TABLE t (id integer PRIMARY KEY, a integer CHECK (a > 0), b text CHECK (length(b) < 10));
INSERT INTO t VALUES (1, 1, 'x');
