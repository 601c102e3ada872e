DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (day date PRIMARY KEY, visits integer NOT NULL DEFAULT 0);
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT INSERT ON TABLES TO sd_dbdiff_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO sd_dbdiff_app;
INSERT INTO reporting.daily VALUES ('2026-12-01', 40);
