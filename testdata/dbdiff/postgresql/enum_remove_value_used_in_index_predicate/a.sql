CREATE TYPE job_state AS ENUM ('queued', 'running', 'done', 'lost');
CREATE TABLE jobs (id integer PRIMARY KEY, state job_state NOT NULL);
CREATE INDEX ix_jobs_active ON jobs (id) WHERE state IN ('queued', 'running');
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
