CREATE TABLE docs (id integer PRIMARY KEY, tenant integer, classified boolean);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant = current_setting('app.tenant')::integer);
CREATE POLICY docs_unclassified ON docs AS RESTRICTIVE FOR SELECT USING (NOT classified);
