CREATE TABLE notifications (id bigint NOT NULL, sent date NOT NULL, body text);
INSERT INTO notifications VALUES (1, '2024-01-10', 'hello'), (2, '2024-11-10', 'bye');
