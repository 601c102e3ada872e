DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE reports (id integer PRIMARY KEY, dept text);
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_read ON reports FOR SELECT TO sd_dbdiff_reader USING (true);
