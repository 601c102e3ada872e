CREATE TABLE jobs (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false);
INSERT INTO jobs VALUES (1, true), (2, false);
CREATE PROCEDURE cleanup() LANGUAGE sql AS 'DELETE FROM jobs WHERE done';
COMMENT ON PROCEDURE cleanup() IS 'removes finished jobs';
