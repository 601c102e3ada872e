CREATE TABLE keep (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE sessions (id bigint PRIMARY KEY, token text NOT NULL, data jsonb COMPRESSION lz4, note text) WITH (fillfactor = 60, toast.autovacuum_enabled = false);
CREATE UNIQUE INDEX ux_sessions_token ON sessions (token);
ALTER TABLE sessions REPLICA IDENTITY USING INDEX ux_sessions_token;
ALTER TABLE sessions CLUSTER ON ux_sessions_token;
ALTER TABLE sessions ALTER COLUMN note SET STORAGE MAIN;
ALTER TABLE sessions ALTER COLUMN token SET STATISTICS 500;
