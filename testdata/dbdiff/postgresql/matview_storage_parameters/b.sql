CREATE TABLE t (id integer PRIMARY KEY);
CREATE MATERIALIZED VIEW tm WITH (fillfactor = 90, autovacuum_enabled = false) AS SELECT id FROM t;
