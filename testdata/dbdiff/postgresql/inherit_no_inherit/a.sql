CREATE TABLE base_log (at timestamptz NOT NULL, msg text);
CREATE TABLE app_log (app text) INHERITS (base_log);
INSERT INTO app_log VALUES ('2024-01-01', 'm', 'web');
