CREATE TABLE t (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT uq_t_a UNIQUE (a), CONSTRAINT uq_t_ab UNIQUE (a, b));
CREATE INDEX ix_t_a ON t (a);
CREATE UNIQUE INDEX ux_t_ba ON t (b, a);
