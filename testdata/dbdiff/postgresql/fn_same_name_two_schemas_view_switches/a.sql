CREATE SCHEMA util;
CREATE TABLE tags (id integer PRIMARY KEY, tag text);
INSERT INTO tags VALUES (1, ' Foo ');
CREATE FUNCTION norm(v text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(v)';
CREATE VIEW tags_norm AS SELECT id, norm(tag) AS tag FROM tags;
