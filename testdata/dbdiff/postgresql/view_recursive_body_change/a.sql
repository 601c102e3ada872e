CREATE TABLE nodes (id integer PRIMARY KEY, parent integer REFERENCES nodes);
INSERT INTO nodes VALUES (1, NULL), (2, 1), (3, 2);
CREATE RECURSIVE VIEW lineage (id, root, depth) AS SELECT id, id, 0 FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id, l.root, l.depth + 1 FROM nodes n JOIN lineage l ON n.parent = l.id;
