CREATE TABLE page_views (url text NOT NULL, viewed_at timestamptz, session_id uuid);
INSERT INTO page_views VALUES ('/pricing', '2024-06-01 08:15:00+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), ('/docs', '2024-06-01 08:16:30+00', NULL);
