CREATE TABLE notes (id integer PRIMARY KEY, code text, CONSTRAINT notes_code_key UNIQUE (code));
CREATE INDEX notes_code_lower_idx ON notes (lower(code));
COMMENT ON INDEX notes_pkey IS 'the index behind the primary key';
COMMENT ON INDEX notes_code_key IS 'the index behind the unique constraint';
COMMENT ON INDEX notes_code_lower_idx IS 'a plain index';
