CREATE TABLE docs (id integer PRIMARY KEY, body tsvector COMPRESSION pglz, n numeric, tags text[]);
ALTER TABLE docs ALTER COLUMN tags SET STORAGE EXTERNAL;
