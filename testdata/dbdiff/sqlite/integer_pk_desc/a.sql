CREATE TABLE event (id INTEGER PRIMARY KEY, kind TEXT NOT NULL);
CREATE TABLE seq_asc (id INTEGER PRIMARY KEY ASC, v TEXT);
INSERT INTO event VALUES (1, 'start'), (5, 'stop');
INSERT INTO seq_asc (v) VALUES ('a'), ('b');
