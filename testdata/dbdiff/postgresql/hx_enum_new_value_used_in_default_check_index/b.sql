CREATE TYPE state AS ENUM ('draft', 'published', 'archived');
CREATE TABLE posts (id integer PRIMARY KEY, st state NOT NULL DEFAULT 'archived',
  CONSTRAINT posts_st_check CHECK (st <> 'archived' OR id > 0));
CREATE INDEX posts_archived_idx ON posts (id) WHERE st = 'archived';
