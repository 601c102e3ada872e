CREATE TABLE docs (id integer PRIMARY KEY, tenant integer NOT NULL, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_tenant ON docs USING (tenant = current_setting('app.tenant')::integer);
INSERT INTO docs VALUES (1, 7, 'b');
