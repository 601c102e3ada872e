CREATE SCHEMA partitions_static;
CREATE TABLE audit_log (id bigint NOT NULL, tenant_id integer NOT NULL, request_id uuid NOT NULL, logged_at timestamptz NOT NULL, payload jsonb) PARTITION BY HASH (tenant_id);
CREATE TABLE partitions_static.audit_log_00 PARTITION OF audit_log FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE partitions_static.audit_log_01 PARTITION OF audit_log FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO audit_log VALUES (1, 1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2024-05-01 09:00+00', '{"op": "login"}'), (2, 2, 'b1eebc99-9c0b-4ef8-bb6d-6bb9bd380a22', '2024-05-02 09:00+00', NULL);
