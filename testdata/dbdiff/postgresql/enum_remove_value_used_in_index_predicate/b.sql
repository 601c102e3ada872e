CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id integer PRIMARY KEY, state job_state NOT NULL);
CREATE INDEX ix_jobs_active ON jobs (id) WHERE state IN ('queued', 'running');
