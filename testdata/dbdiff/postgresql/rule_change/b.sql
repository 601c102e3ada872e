CREATE TABLE t (id integer PRIMARY KEY, archived boolean DEFAULT false);
CREATE RULE t_soft_delete AS ON DELETE TO t DO INSTEAD UPDATE t SET archived = true WHERE id = OLD.id;
