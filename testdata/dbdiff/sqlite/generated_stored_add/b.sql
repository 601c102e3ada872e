CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, body_len INTEGER GENERATED ALWAYS AS (length(body)) STORED);
CREATE INDEX ix_docs_body_len ON docs (body_len);
