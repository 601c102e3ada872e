CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE TABLE app.tasks (id integer PRIMARY KEY, st app.status NOT NULL DEFAULT 'new'::app.status,
  prev app.status, CONSTRAINT tasks_st_check CHECK (st <> prev));
CREATE INDEX tasks_open_idx ON app.tasks (id) WHERE st = 'new'::app.status;
