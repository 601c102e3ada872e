CREATE SCHEMA app;
SET search_path = app, public;
CREATE TYPE status AS ENUM ('on', 'off');
CREATE TABLE devices (id integer PRIMARY KEY, st status DEFAULT 'on');
INSERT INTO devices VALUES (1, 'off');
RESET search_path;
