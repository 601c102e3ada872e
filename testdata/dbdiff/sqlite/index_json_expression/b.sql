CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT);
CREATE INDEX ix_events_kind ON events (json_extract(payload, '$.kind'), id DESC);
