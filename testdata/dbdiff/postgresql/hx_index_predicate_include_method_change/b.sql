CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now(), deleted_at timestamptz);
CREATE INDEX events_kind_idx ON events (kind, created_at DESC) INCLUDE (payload) WHERE deleted_at IS NULL AND kind <> 'noise';
CREATE INDEX events_created_idx ON events USING brin (created_at) WITH (pages_per_range = 32);
