DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE orders (id integer PRIMARY KEY);
GRANT SELECT, INSERT, UPDATE ON orders TO sd_dbdiff_writer;
GRANT SELECT ON orders TO sd_dbdiff_reader;
