CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, deleted_at TEXT);
INSERT INTO users VALUES (1, 'a@b', NULL), (2, 'a@b', '2024-01-01');
