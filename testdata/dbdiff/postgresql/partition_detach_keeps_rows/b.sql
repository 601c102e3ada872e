CREATE TABLE audit (id bigint NOT NULL, at timestamptz NOT NULL, what text) PARTITION BY RANGE (at);
CREATE TABLE audit_2024 PARTITION OF audit FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE audit_2023 (id bigint NOT NULL, at timestamptz NOT NULL, what text);
