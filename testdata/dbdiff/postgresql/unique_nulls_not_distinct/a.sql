CREATE TABLE tags (id integer PRIMARY KEY, name text, scope text, CONSTRAINT uq_tags UNIQUE (name, scope));
CREATE UNIQUE INDEX ux_tags_name ON tags (name);
INSERT INTO tags VALUES (1, 'a', NULL);
