CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX t_ab_idx ON t (a, b);
INSERT INTO t VALUES (1, 'x', 'y');
