CREATE TABLE tags (id integer PRIMARY KEY, name text, scope text, CONSTRAINT uq_tags UNIQUE NULLS NOT DISTINCT (name, scope));
CREATE UNIQUE INDEX ux_tags_name ON tags (name) NULLS NOT DISTINCT;
