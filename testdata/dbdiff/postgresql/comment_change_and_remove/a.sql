CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
COMMENT ON TABLE t IS 'old table comment';
COMMENT ON COLUMN t.a IS 'old a';
COMMENT ON COLUMN t.b IS 'b stays';
