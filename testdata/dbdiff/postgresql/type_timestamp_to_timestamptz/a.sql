SET timezone = 'UTC';
CREATE TABLE events (id integer PRIMARY KEY, at timestamp, day date, kind text);
INSERT INTO events VALUES (1, '2024-01-02 03:04:05', '2024-01-02', 'x');
