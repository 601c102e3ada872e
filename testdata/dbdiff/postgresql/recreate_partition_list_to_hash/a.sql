CREATE SCHEMA app;
CREATE TABLE app.sessions (
    id uuid NOT NULL,
    region text NOT NULL,
    user_id integer NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, region)
) PARTITION BY LIST (region);
CREATE TABLE app.sessions_p0 PARTITION OF app.sessions FOR VALUES IN ('eu');
CREATE TABLE app.sessions_p1 PARTITION OF app.sessions DEFAULT;
CREATE INDEX sessions_user_idx ON app.sessions (user_id);
INSERT INTO app.sessions (id, region, user_id, started_at) VALUES
    ('00000000-0000-0000-0000-000000000001', 'eu', 1, '2024-01-01 10:00+00'),
    ('00000000-0000-0000-0000-000000000002', 'us', 2, '2024-01-02 10:00+00'),
    ('00000000-0000-0000-0000-000000000003', 'eu', 3, '2024-01-03 10:00+00'),
    ('00000000-0000-0000-0000-000000000004', 'ap', 4, '2024-01-04 10:00+00');
