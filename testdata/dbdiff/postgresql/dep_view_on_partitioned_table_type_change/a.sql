CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, score integer) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW event_scores AS SELECT at, avg(score) AS avg_score FROM events GROUP BY at;
INSERT INTO events VALUES (1, '2024-02-02', 5);
