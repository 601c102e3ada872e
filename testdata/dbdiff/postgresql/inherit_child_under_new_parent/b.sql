CREATE TABLE analytics_events (viewed_at timestamptz, session_id uuid);
CREATE TABLE page_views (url text NOT NULL) INHERITS (analytics_events);
