CREATE TABLE users (id INTEGER PRIMARY KEY, legacy TEXT);
INSERT INTO users VALUES (1, 'keep me');
