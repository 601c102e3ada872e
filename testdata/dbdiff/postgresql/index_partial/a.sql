CREATE TABLE jobs (id integer PRIMARY KEY, state text, run_at timestamptz);
CREATE INDEX ix_jobs_pending ON jobs (run_at) WHERE state = 'pending';
INSERT INTO jobs VALUES (1, 'pending', now());
