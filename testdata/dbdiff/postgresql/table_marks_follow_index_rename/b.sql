CREATE TABLE history (id integer NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX ux_history_at ON history (at);
ALTER TABLE history REPLICA IDENTITY USING INDEX ux_history_at;
ALTER TABLE history CLUSTER ON ux_history_at;
