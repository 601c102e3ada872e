CREATE TABLE docs (id integer PRIMARY KEY, tenant bigint NOT NULL, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant = current_setting('app.tenant')::bigint);
