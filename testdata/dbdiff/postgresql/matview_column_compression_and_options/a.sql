CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, payload jsonb NOT NULL);
INSERT INTO events VALUES (1, 'signup', '{"plan": "free"}'), (2, 'upgrade', '{"plan": "pro"}');
CREATE MATERIALIZED VIEW event_payloads AS SELECT id, kind, payload FROM events;
ALTER MATERIALIZED VIEW event_payloads ALTER COLUMN kind SET (n_distinct = 50);
