CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX ix_t_a ON t (a);
