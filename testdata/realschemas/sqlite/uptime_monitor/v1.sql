-- A self-hosted uptime and metrics monitor's SQLite database (the kind a
-- small Go or Node service creates with hand-written migrations): hosts,
-- checks, samples rolled up by triggers, incidents, notification channels,
-- reporting views stacked on views.
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE hosts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    address TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '{}',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX hosts_env ON hosts (json_extract(labels, '$.env'));
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    host_id INTEGER NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('http', 'tcp', 'ping', 'dns')),
    target TEXT NOT NULL,
    interval_s INTEGER NOT NULL DEFAULT 60 CHECK (interval_s >= 10),
    timeout_ms INTEGER NOT NULL DEFAULT 5000,
    expect_status INTEGER,
    paused_until TEXT,
    UNIQUE (host_id, kind, target)
);
CREATE INDEX checks_active ON checks (host_id) WHERE paused_until IS NULL;
CREATE TABLE samples (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    latency_ms REAL,
    status INTEGER,
    error TEXT,
    PRIMARY KEY (check_id, at)
) WITHOUT ROWID;
CREATE INDEX samples_failures ON samples (at DESC) WHERE ok = 0;
CREATE TABLE hourly_rollups (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    hour INTEGER NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    latency_sum REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (check_id, hour)
) WITHOUT ROWID;
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    opened_at INTEGER NOT NULL,
    resolved_at INTEGER,
    summary TEXT,
    CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);
CREATE UNIQUE INDEX incidents_one_open ON incidents (check_id) WHERE resolved_at IS NULL;
CREATE TABLE channels (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook', 'matrix')),
    config TEXT NOT NULL CHECK (json_valid(config)),
    muted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE check_channels (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    PRIMARY KEY (check_id, channel_id)
);
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels (id),
    sent_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX notifications_pending ON notifications (channel_id) WHERE sent_at IS NULL;
CREATE TABLE maintenance (
    id INTEGER PRIMARY KEY,
    host_id INTEGER REFERENCES hosts (id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    reason TEXT,
    CHECK (ends_at > starts_at)
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('admin', 'viewer'))
);
CREATE TABLE sessions (
    token TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER samples_rollup AFTER INSERT ON samples BEGIN
    INSERT INTO hourly_rollups (check_id, hour, total, failures, latency_sum)
    VALUES (NEW.check_id, NEW.at / 3600, 1, NEW.ok = 0, coalesce(NEW.latency_ms, 0))
    ON CONFLICT (check_id, hour) DO UPDATE SET total = total + 1, failures = failures + (NEW.ok = 0), latency_sum = latency_sum + coalesce(NEW.latency_ms, 0);
END;
CREATE TRIGGER samples_open_incident AFTER INSERT ON samples WHEN NEW.ok = 0 BEGIN
    INSERT OR IGNORE INTO incidents (check_id, opened_at, summary) VALUES (NEW.check_id, NEW.at, NEW.error);
END;
CREATE TRIGGER samples_resolve_incident AFTER INSERT ON samples WHEN NEW.ok = 1 BEGIN
    UPDATE incidents SET resolved_at = NEW.at WHERE check_id = NEW.check_id AND resolved_at IS NULL;
END;
CREATE VIEW check_uptime_24h AS
    SELECT check_id, sum(total) AS total, sum(failures) AS failures, 100.0 * (sum(total) - sum(failures)) / max(sum(total), 1) AS uptime_pct
    FROM hourly_rollups WHERE hour >= (strftime('%s', 'now') / 3600) - 24 GROUP BY check_id;
CREATE VIEW host_status AS
    SELECT h.id, h.name, min(u.uptime_pct) AS worst_uptime, count(i.id) AS open_incidents
    FROM hosts h
    LEFT JOIN checks c ON c.host_id = h.id
    LEFT JOIN check_uptime_24h u ON u.check_id = c.id
    LEFT JOIN incidents i ON i.check_id = c.id AND i.resolved_at IS NULL
    WHERE h.enabled
    GROUP BY h.id;
INSERT INTO schema_migrations (version) VALUES (1), (2), (3), (4);
INSERT INTO hosts (id, name, address, labels) VALUES (1, 'nas', '192.168.1.10', '{"env": "home"}'), (2, 'blog', 'blog.example.test', '{"env": "prod"}');
INSERT INTO checks (id, host_id, kind, target, expect_status) VALUES (1, 1, 'ping', '192.168.1.10', NULL), (2, 2, 'http', 'https://blog.example.test/', 200);
INSERT INTO samples VALUES (2, 1767225600, 1, 120.5, 200, NULL), (2, 1767225660, 0, NULL, 502, 'bad gateway'), (1, 1767225600, 1, 0.8, NULL, NULL);
INSERT INTO channels (id, kind, config) VALUES (1, 'email', '{"to": "ops@example.test"}');
INSERT INTO check_channels VALUES (2, 1);
INSERT INTO notifications (incident_id, channel_id, sent_at, attempts) VALUES (1, 1, 1767225670, 1);
INSERT INTO users (login, password_hash, role) VALUES ('admin', '$argon2id$x', 'admin');
