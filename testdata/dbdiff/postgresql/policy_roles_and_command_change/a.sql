DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE notes (id integer PRIMARY KEY, author name NOT NULL, body text);
INSERT INTO notes VALUES (1, 'x', 'b');
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_rw ON notes FOR ALL TO PUBLIC USING (author = current_user);
