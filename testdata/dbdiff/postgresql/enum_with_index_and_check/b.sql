CREATE TYPE state AS ENUM ('draft', 'live');
CREATE TABLE pages (id integer PRIMARY KEY, st state);
CREATE INDEX ix_pages_live ON pages (id) WHERE st = 'live';
