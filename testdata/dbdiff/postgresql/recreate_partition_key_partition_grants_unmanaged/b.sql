DO $$ BEGIN CREATE ROLE sd_dbdiff_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE sd_dbdiff_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION readings_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := lower(NEW.note); RETURN NEW; END $$;
CREATE TABLE readings (
    id integer NOT NULL,
    region text NOT NULL,
    at date NOT NULL,
    value integer NOT NULL,
    note text
) PARTITION BY LIST (lower(region));
CREATE TABLE readings_eu PARTITION OF readings FOR VALUES IN ('eu');
CREATE TABLE readings_us PARTITION OF readings FOR VALUES IN ('us') PARTITION BY RANGE (at);
CREATE TABLE readings_us_old PARTITION OF readings_us FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
CREATE TABLE readings_us_new PARTITION OF readings_us DEFAULT;
CREATE TABLE readings_rest PARTITION OF readings DEFAULT;
GRANT SELECT ON readings TO sd_dbdiff_reader;
ALTER TABLE readings OWNER TO sd_dbdiff_app;
GRANT SELECT, INSERT ON readings_eu TO sd_dbdiff_writer;
GRANT SELECT (id, value) ON readings_us_old TO sd_dbdiff_writer;
ALTER TABLE readings_eu OWNER TO sd_dbdiff_app;
ALTER TABLE readings_us_new OWNER TO sd_dbdiff_app;
COMMENT ON TABLE readings_eu IS 'europe';
COMMENT ON TABLE readings_rest IS 'every other region';
COMMENT ON COLUMN readings_us_old.note IS 'free text';
CREATE INDEX readings_eu_value_idx ON readings_eu (value);
CREATE UNIQUE INDEX readings_us_old_id_key ON readings_us_old (id);
ALTER TABLE readings_eu ADD CONSTRAINT readings_eu_value_check CHECK (value > 0);
ALTER TABLE readings_us_new ADD CONSTRAINT readings_us_new_pkey PRIMARY KEY (id);
CREATE TRIGGER readings_eu_touch BEFORE INSERT ON readings_eu FOR EACH ROW EXECUTE FUNCTION readings_touch();
