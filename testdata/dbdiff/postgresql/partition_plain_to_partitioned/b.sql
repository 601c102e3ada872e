CREATE TABLE notifications (id bigint NOT NULL, sent date NOT NULL, body text) PARTITION BY RANGE (sent);
CREATE TABLE notifications_2024 PARTITION OF notifications FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
