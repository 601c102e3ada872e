CREATE TABLE tickets (id bigint NOT NULL, status text NOT NULL) PARTITION BY LIST (status);
CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open', 'pending');
INSERT INTO tickets VALUES (1, 'open');
