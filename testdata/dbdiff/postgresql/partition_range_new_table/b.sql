CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE events (
    account_id bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL,
    payload jsonb
) PARTITION BY RANGE (occurred_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
