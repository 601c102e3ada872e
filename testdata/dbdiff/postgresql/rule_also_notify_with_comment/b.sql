CREATE TABLE jobs (id integer PRIMARY KEY);
CREATE RULE jobs_notify AS ON INSERT TO jobs DO ALSO NOTIFY jobs_changed;
COMMENT ON RULE jobs_notify ON jobs IS 'wakes the workers';
