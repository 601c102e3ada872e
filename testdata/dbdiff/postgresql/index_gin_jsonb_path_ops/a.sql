CREATE TABLE documents (id integer PRIMARY KEY, body jsonb);
CREATE INDEX ix_documents_body ON documents USING gin (body);
