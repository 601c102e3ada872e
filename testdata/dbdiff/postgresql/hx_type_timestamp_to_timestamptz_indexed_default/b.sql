CREATE TABLE audit (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now(), note text);
CREATE INDEX audit_happened_at_idx ON audit (happened_at);
