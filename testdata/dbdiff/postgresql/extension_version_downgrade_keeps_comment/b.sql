CREATE EXTENSION hstore VERSION '1.7';
COMMENT ON EXTENSION hstore IS 'listing attributes as key/value tags';
CREATE TABLE listings (id integer PRIMARY KEY, title text NOT NULL);
