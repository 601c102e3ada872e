CREATE TABLE events (id integer PRIMARY KEY, at timestamptz, uid uuid, who text, tags text[], meta jsonb, ttl interval);
INSERT INTO events VALUES (1, now(), NULL, NULL, NULL, '{"a": 1}', NULL);
