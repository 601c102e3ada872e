CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'done');
CREATE TABLE app.tasks (id integer PRIMARY KEY, st app.status NOT NULL DEFAULT 'new');
INSERT INTO app.tasks VALUES (1, 'done');
