CREATE TABLE event (id bigint NOT NULL, created_at timestamptz, payload text);
CREATE TABLE audit_event (actor text) INHERITS (event);
ALTER TABLE audit_event ALTER created_at SET DEFAULT now();
ALTER TABLE audit_event ALTER created_at SET NOT NULL;
ALTER TABLE audit_event ALTER payload SET DEFAULT 'audit';
COMMENT ON COLUMN audit_event.created_at IS 'when the audited action happened';
INSERT INTO event VALUES (1, '2024-01-01 10:00+00', 'boot');
INSERT INTO audit_event VALUES (2, '2024-01-02 11:00+00', 'login', 'alice');
