CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER, title TEXT, body TEXT);
CREATE INDEX ix_posts_a ON posts (title, author);
CREATE UNIQUE INDEX ux_posts_body ON posts (body);
