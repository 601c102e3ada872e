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
) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE readings_rest PARTITION OF readings DEFAULT;
GRANT SELECT ON readings TO sd_dbdiff_reader;
ALTER TABLE readings OWNER TO sd_dbdiff_app;
COMMENT ON TABLE readings_rest IS 'every other year';
INSERT INTO readings VALUES
    (1, 'eu', '2024-03-01', 5, 'A'), (2, 'us', '2024-04-01', 7, 'B'),
    (3, 'us', '2025-05-01', 9, NULL), (4, 'ap', '2023-01-01', 11, 'c');
