CREATE TABLE events (id bigint PRIMARY KEY, payload text, region text, kind text);
CREATE TABLE archived_events (archived_on date) INHERITS (events);
CREATE TABLE replayed_events (replayed_at timestamptz) INHERITS (events);
INSERT INTO events VALUES (1, 'signup', 'us', 'account');
INSERT INTO archived_events VALUES (2, 'login', 'eu', 'session', '2024-05-01');
INSERT INTO replayed_events VALUES (3, 'logout', 'eu', 'session', '2024-05-02 10:00+00');
