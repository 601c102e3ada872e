CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, c integer);
CREATE INDEX ix_t ON t (a, b);
CREATE UNIQUE INDEX ux_t ON t (c);
INSERT INTO t VALUES (1, 1, 2, 3);
