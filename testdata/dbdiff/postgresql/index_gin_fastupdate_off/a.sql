CREATE TABLE posts (id integer PRIMARY KEY, tags text[]);
CREATE INDEX ix_posts_tags ON posts USING gin (tags);
