CREATE TABLE history (id integer NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX ix_history_at ON history (at);
ALTER TABLE history REPLICA IDENTITY USING INDEX ix_history_at;
ALTER TABLE history CLUSTER ON ix_history_at;
