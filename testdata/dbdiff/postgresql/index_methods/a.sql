CREATE TABLE docs (id integer PRIMARY KEY, tags text[], body jsonb, at timestamptz, k text);
CREATE INDEX ix_docs_k ON docs (k);
INSERT INTO docs VALUES (1, '{a}', '{}', now(), 'k');
