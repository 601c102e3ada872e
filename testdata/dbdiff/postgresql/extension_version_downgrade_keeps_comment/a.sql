CREATE EXTENSION hstore VERSION '1.8';
COMMENT ON EXTENSION hstore IS 'listing attributes as key/value tags';
CREATE TABLE listings (id integer PRIMARY KEY, title text NOT NULL);
INSERT INTO listings VALUES (1, 'Two-room flat near the station');
