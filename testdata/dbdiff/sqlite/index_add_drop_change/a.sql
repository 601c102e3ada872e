CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER, title TEXT, body TEXT);
CREATE INDEX ix_posts_title ON posts (title);
CREATE INDEX ix_posts_a ON posts (author, title);
INSERT INTO posts VALUES (1, 1, 't', 'b');
