CREATE TABLE posts (id integer PRIMARY KEY, author integer, title text, body text);
CREATE INDEX ix_posts_author ON posts (author);
CREATE INDEX ix_posts_author_title ON posts (author, title);
