CREATE TABLE t (id integer PRIMARY KEY, a integer);
CREATE INDEX ix_t_a ON t (a);
COMMENT ON INDEX ix_t_a IS 'serves the a lookup';
