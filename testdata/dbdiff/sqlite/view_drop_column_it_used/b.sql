CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
CREATE VIEW user_list AS SELECT id, email FROM users;
