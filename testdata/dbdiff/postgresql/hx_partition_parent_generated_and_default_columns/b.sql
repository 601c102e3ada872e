CREATE TABLE jobs (id bigint NOT NULL, queued date NOT NULL, payload text, size integer GENERATED ALWAYS AS (length(payload)) STORED,
  priority smallint NOT NULL DEFAULT 0) PARTITION BY RANGE (queued);
CREATE TABLE jobs_2024 PARTITION OF jobs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE jobs_2024 ALTER COLUMN priority SET DEFAULT 5;
