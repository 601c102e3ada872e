CREATE SCHEMA app;
CREATE TYPE app.uuid AS ENUM ('a', 'b');
CREATE TABLE app.t (id integer PRIMARY KEY, kind app.uuid, real_id pg_catalog.uuid);
