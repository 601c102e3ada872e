CREATE TABLE events (id integer PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX ix_events_at ON events (at);
ALTER TABLE events CLUSTER ON events_pkey;
ALTER TABLE events REPLICA IDENTITY USING INDEX events_pkey;
