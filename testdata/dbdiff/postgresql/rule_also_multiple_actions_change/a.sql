CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE TABLE t_log (id integer, v text, op text);
INSERT INTO t VALUES (1, 'x');
CREATE RULE t_log_upd AS ON UPDATE TO t DO ALSO INSERT INTO t_log VALUES (OLD.id, OLD.v, 'old');
