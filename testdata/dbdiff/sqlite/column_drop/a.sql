CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, legacy INTEGER, notes TEXT);
INSERT INTO users VALUES (1, 'ann', 1, 'n');
