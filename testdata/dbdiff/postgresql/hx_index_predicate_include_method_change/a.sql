CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz);
CREATE INDEX events_kind_idx ON events (kind) WHERE deleted_at IS NULL;
CREATE INDEX events_created_idx ON events (created_at);
INSERT INTO events VALUES (1, 'login', '{}', '2024-01-01', NULL);
