CREATE TABLE base_log (at timestamptz NOT NULL, msg text);
CREATE TABLE app_log (at timestamptz NOT NULL, msg text, app text);
