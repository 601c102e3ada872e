CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO events (name) VALUES ('a'), ('b'), ('c');
