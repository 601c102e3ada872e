CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW v WITH (security_barrier = true, check_option = local) AS SELECT id FROM t WHERE id > 0;
