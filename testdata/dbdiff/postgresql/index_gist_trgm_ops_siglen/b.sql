CREATE EXTENSION pg_trgm;
CREATE TABLE places (id integer PRIMARY KEY, name text);
CREATE INDEX ix_places_name ON places USING gist (name gist_trgm_ops (siglen = 64));
