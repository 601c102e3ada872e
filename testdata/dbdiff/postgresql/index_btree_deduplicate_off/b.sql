CREATE TABLE events (id integer PRIMARY KEY, kind text);
CREATE INDEX ix_events_kind ON events (kind) WITH (deduplicate_items = off);
