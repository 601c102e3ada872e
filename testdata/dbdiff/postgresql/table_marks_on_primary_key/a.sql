CREATE TABLE events (id integer PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX ix_events_at ON events (at);
ALTER TABLE events CLUSTER ON ix_events_at;
ALTER TABLE events REPLICA IDENTITY NOTHING;
INSERT INTO events VALUES (1, now());
