CREATE TABLE event (id bigint NOT NULL, created_at timestamptz, payload text);
CREATE TABLE audit_event (actor text) INHERITS (event);
INSERT INTO event VALUES (1, '2024-01-01 10:00+00', 'boot');
INSERT INTO audit_event VALUES (2, '2024-01-02 11:00+00', 'login', 'alice');
