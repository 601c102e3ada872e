DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE notes (id integer PRIMARY KEY, author name NOT NULL, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_rw ON notes FOR UPDATE TO sd_dbdiff_writer, sd_dbdiff_reader USING (author = current_user) WITH CHECK (author = current_user AND body IS NOT NULL);
CREATE POLICY notes_ins ON notes FOR INSERT TO sd_dbdiff_writer WITH CHECK (author = current_user);
COMMENT ON POLICY notes_ins ON notes IS 'writers add their own notes';
