CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, legacy_flag INTEGER);
CREATE VIEW user_list AS SELECT id, email, legacy_flag FROM users;
INSERT INTO users VALUES (1, 'a@b', 1);
