CREATE TABLE users (id integer PRIMARY KEY, email text);
CREATE VIEW user_list AS SELECT id, email FROM users;
