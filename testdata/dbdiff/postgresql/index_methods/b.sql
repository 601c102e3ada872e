CREATE TABLE docs (id integer PRIMARY KEY, tags text[], body jsonb, at timestamptz, k text);
CREATE INDEX ix_docs_k ON docs USING hash (k);
CREATE INDEX ix_docs_tags ON docs USING gin (tags);
CREATE INDEX ix_docs_body ON docs USING gin (body jsonb_path_ops);
CREATE INDEX ix_docs_at ON docs USING brin (at);
