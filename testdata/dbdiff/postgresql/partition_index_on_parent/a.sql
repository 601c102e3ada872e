CREATE TABLE pageviews (site integer NOT NULL, at timestamptz NOT NULL, path text) PARTITION BY RANGE (at);
CREATE TABLE pageviews_a PARTITION OF pageviews FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE pageviews_b PARTITION OF pageviews FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');
INSERT INTO pageviews VALUES (1, '2024-02-01', '/'), (1, '2024-08-01', '/about');
