CREATE TABLE tenants (id integer PRIMARY KEY, name text);
CREATE TABLE invoices (id bigint PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants (id), total numeric);
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY invoices_tenant ON invoices USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::integer)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::integer);
