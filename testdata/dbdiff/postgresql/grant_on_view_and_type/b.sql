DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TYPE status AS ENUM ('on', 'off');
CREATE TABLE t (id integer PRIMARY KEY, s status);
CREATE VIEW tv AS SELECT id, s FROM t;
GRANT SELECT ON tv TO sd_dbdiff_reader;
REVOKE USAGE ON TYPE status FROM PUBLIC;
GRANT USAGE ON TYPE status TO sd_dbdiff_reader;
