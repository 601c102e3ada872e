CREATE TABLE notes (id integer PRIMARY KEY, code text, CONSTRAINT notes_code_key UNIQUE (code));
CREATE INDEX notes_code_lower_idx ON notes (lower(code));
INSERT INTO notes VALUES (1, 'x');
