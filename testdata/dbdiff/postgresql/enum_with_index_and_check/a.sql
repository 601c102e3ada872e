CREATE TYPE state AS ENUM ('draft', 'live', 'gone');
CREATE TABLE pages (id integer PRIMARY KEY, st state, CONSTRAINT ck_st CHECK (st <> 'gone'));
CREATE INDEX ix_pages_live ON pages (id) WHERE st = 'live';
INSERT INTO pages VALUES (1, 'draft'), (2, 'live');
