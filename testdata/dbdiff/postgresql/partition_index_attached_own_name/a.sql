CREATE TABLE events (id bigint NOT NULL, project_id integer NOT NULL, created_at timestamptz NOT NULL, action text NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX idx_events_created_at ON events (created_at);
CREATE INDEX idx_events_project_action ON events (project_id, lower(action));
INSERT INTO events VALUES (1, 7, '2024-03-01 10:00+00', 'push'), (2, 7, '2025-02-01 11:00+00', 'merge');
