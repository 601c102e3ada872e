CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS E'It''s "quoted"\nand on two lines\\ with a backslash';
COMMENT ON COLUMN notes.body IS E'tab\there; dollar $$ signs';
COMMENT ON CONSTRAINT notes_pkey ON notes IS 'primary key';
