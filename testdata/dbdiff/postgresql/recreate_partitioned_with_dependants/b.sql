CREATE TABLE events (
    id bigserial,
    seq integer GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL CHECK (kind <> ''),
    payload jsonb,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
COMMENT ON TABLE events IS 'what happened';
COMMENT ON COLUMN events.kind IS 'event kind';
CREATE TABLE events_2024h1 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE events_2024h2 PARTITION OF events FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE event_notes (id integer PRIMARY KEY, event_id bigint, note text);
CREATE VIEW recent_events AS SELECT id, at, kind FROM events WHERE at > '2024-06-01';
CREATE FUNCTION events_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.kind := lower(NEW.kind); RETURN NEW; END $$;
CREATE TRIGGER events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_touch();
