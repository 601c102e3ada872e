CREATE TABLE jobs (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false);
CREATE FUNCTION cleanup() RETURNS bigint LANGUAGE sql AS 'WITH d AS (DELETE FROM jobs WHERE done RETURNING 1) SELECT count(*) FROM d';
COMMENT ON FUNCTION cleanup() IS 'removes finished jobs, returns how many';
