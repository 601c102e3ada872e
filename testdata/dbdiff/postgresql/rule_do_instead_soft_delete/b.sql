CREATE TABLE items (id integer PRIMARY KEY, deleted boolean NOT NULL DEFAULT false);
CREATE RULE items_soft_delete AS ON DELETE TO items DO INSTEAD UPDATE items SET deleted = true WHERE id = OLD.id;
