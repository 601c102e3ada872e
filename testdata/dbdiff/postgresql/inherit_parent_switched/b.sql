CREATE TABLE app_events (id bigserial NOT NULL, happened_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE audit_events (id bigint NOT NULL, happened_at timestamptz NOT NULL);
CREATE TABLE login_events (user_name text NOT NULL) INHERITS (audit_events);
