CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE INDEX ix_t_v ON t (v);
