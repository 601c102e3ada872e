CREATE TABLE posts (id integer PRIMARY KEY, author integer, title text, body text);
CREATE INDEX ix_posts_title ON posts (title);
INSERT INTO posts VALUES (1, 1, 't', 'b');
