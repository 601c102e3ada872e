CREATE TABLE t (id integer PRIMARY KEY, note text);
COMMENT ON TABLE t IS E'It''s the "main" table;\nsee docs/tables.md';
COMMENT ON COLUMN t.note IS 'Größe in mm²';
