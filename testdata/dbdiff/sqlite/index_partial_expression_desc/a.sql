CREATE TABLE j (id INTEGER PRIMARY KEY, state TEXT, run_at TEXT, email TEXT);
CREATE INDEX ix_j_pending ON j (run_at) WHERE state = 'pending';
INSERT INTO j VALUES (1, 'pending', '2024', 'A@x');
