CREATE TABLE audit (id bigint PRIMARY KEY, happened_at timestamp NOT NULL DEFAULT now(), note text);
CREATE INDEX audit_happened_at_idx ON audit (happened_at);
INSERT INTO audit VALUES (1, '2024-01-01 10:00', 'x'), (2, '2024-02-01 11:30', NULL);
