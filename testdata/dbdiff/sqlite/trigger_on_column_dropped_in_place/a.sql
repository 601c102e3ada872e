-- A column dropped in place that a trigger's body names on another
-- table: the trigger goes before the drop and comes back as the target
-- has it; it still fires.
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, obsolete TEXT);
CREATE TABLE audit (item INTEGER, what TEXT);
CREATE TRIGGER tr_items AFTER INSERT ON items BEGIN
  INSERT INTO audit VALUES (new.id, new.obsolete);
END;
INSERT INTO items VALUES (1, 'a', 'x');
