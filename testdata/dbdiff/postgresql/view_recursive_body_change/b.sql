CREATE TABLE nodes (id integer PRIMARY KEY, parent integer REFERENCES nodes);
CREATE RECURSIVE VIEW lineage (id, root, depth) AS SELECT id, id, 0 FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, l.root, l.depth + 1 FROM nodes n JOIN lineage l ON n.parent = l.id WHERE l.depth < 10;
CREATE VIEW deep_nodes AS SELECT id FROM lineage WHERE depth > 1;
