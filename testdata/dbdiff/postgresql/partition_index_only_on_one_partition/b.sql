CREATE TABLE jobs (id bigint NOT NULL, state text NOT NULL, queued timestamptz) PARTITION BY LIST (state);
CREATE TABLE jobs_pending PARTITION OF jobs FOR VALUES IN ('pending');
CREATE TABLE jobs_done PARTITION OF jobs FOR VALUES IN ('done', 'failed');
CREATE INDEX ix_jobs_pending_queued ON jobs_pending (queued);
