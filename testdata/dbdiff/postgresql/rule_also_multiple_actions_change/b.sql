CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE TABLE t_log (id integer, v text, op text);
CREATE RULE t_log_upd AS ON UPDATE TO t WHERE OLD.v IS DISTINCT FROM NEW.v DO ALSO (INSERT INTO t_log VALUES (OLD.id, OLD.v, 'old'); INSERT INTO t_log VALUES (NEW.id, NEW.v, 'new'));
