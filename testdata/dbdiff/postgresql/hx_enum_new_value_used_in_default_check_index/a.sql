CREATE TYPE state AS ENUM ('draft', 'published');
CREATE TABLE posts (id integer PRIMARY KEY, st state NOT NULL DEFAULT 'draft');
INSERT INTO posts VALUES (1, 'published');
