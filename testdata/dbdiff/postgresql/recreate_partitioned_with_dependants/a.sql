CREATE TABLE events (
    id bigserial PRIMARY KEY,
    seq integer GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL CHECK (kind <> ''),
    payload jsonb
);
COMMENT ON TABLE events IS 'what happened';
COMMENT ON COLUMN events.kind IS 'event kind';
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE event_notes (id integer PRIMARY KEY, event_id bigint REFERENCES events (id) ON DELETE CASCADE, note text);
CREATE VIEW recent_events AS SELECT id, at, kind FROM events WHERE at > '2024-06-01';
CREATE FUNCTION events_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.kind := lower(NEW.kind); RETURN NEW; END $$;
CREATE TRIGGER events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_touch();
INSERT INTO events (at, kind, payload) VALUES ('2024-01-10', 'a', '{"x": 1}'), ('2024-07-01', 'b', NULL), ('2024-12-31', 'c', '[]');
INSERT INTO event_notes VALUES (1, 1, 'first'), (2, 3, 'third');
