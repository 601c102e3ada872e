CREATE TABLE readings (id bigint PRIMARY KEY, at timestamptz NOT NULL, v real);
CREATE INDEX ix_readings_at_brin ON readings USING brin (at) WITH (pages_per_range = 32, autosummarize = on);
