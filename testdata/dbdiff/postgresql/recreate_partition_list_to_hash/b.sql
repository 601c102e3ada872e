CREATE SCHEMA app;
CREATE TABLE app.sessions (
    id uuid NOT NULL,
    region text NOT NULL,
    user_id integer NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, region)
) PARTITION BY HASH (id);
CREATE TABLE app.sessions_p0 PARTITION OF app.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE app.sessions_p1 PARTITION OF app.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX sessions_user_idx ON app.sessions (user_id);
