CREATE TABLE users (id integer PRIMARY KEY, email text, legacy_flag boolean);
CREATE VIEW user_list AS SELECT id, email, legacy_flag FROM users;
INSERT INTO users VALUES (1, 'a@b', true);
