CREATE SCHEMA app;
SET search_path = app, public;
CREATE TYPE status AS ENUM ('on', 'off', 'broken');
CREATE TABLE devices (id integer PRIMARY KEY, st status DEFAULT 'off', prev status CHECK (prev <> 'broken'));
CREATE INDEX devices_st_idx ON devices (st) WHERE st <> 'on';
RESET search_path;
