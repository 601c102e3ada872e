CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, c integer);
CREATE INDEX ix_t ON t (b, a);
CREATE INDEX ux_t ON t (c);
