CREATE TABLE jobs (id integer PRIMARY KEY, state text, run_at timestamptz);
CREATE INDEX ix_jobs_pending ON jobs (run_at) WHERE state IN ('pending', 'retry');
CREATE UNIQUE INDEX ux_jobs_one_running ON jobs (state) WHERE state = 'running';
