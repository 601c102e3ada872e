CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE DOMAIN nonneg AS integer CHECK (VALUE >= 0);
CREATE DOMAIN label AS text NOT NULL;
CREATE TYPE pair AS (a integer, b text);
CREATE TABLE things (id integer PRIMARY KEY, name text);
INSERT INTO things VALUES (1, 'one'), (2, 'two');
