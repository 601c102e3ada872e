CREATE TABLE app_events (id bigserial NOT NULL, happened_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE audit_events (id bigint NOT NULL, happened_at timestamptz NOT NULL);
CREATE TABLE login_events (user_name text NOT NULL) INHERITS (app_events);
INSERT INTO login_events (user_name, happened_at) VALUES ('alice', '2024-03-01 10:00:00+00'), ('bob', '2024-03-02 11:30:00+00');
