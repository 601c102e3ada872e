CREATE SCHEMA util;
CREATE TABLE tags (id integer PRIMARY KEY, tag text);
CREATE FUNCTION norm(v text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(v)';
CREATE FUNCTION util.norm(v text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(trim(v))';
CREATE VIEW tags_norm AS SELECT id, util.norm(tag) AS tag FROM tags;
