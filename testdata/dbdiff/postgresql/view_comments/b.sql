CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE VIEW tv AS SELECT id, v FROM t;
COMMENT ON VIEW tv IS 'public projection of t';
COMMENT ON COLUMN tv.v IS 'the value';
