CREATE TABLE history (id integer PRIMARY KEY, at timestamptz);
CREATE INDEX ix_history_at ON history (at);
