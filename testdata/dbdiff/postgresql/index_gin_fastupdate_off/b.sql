CREATE TABLE posts (id integer PRIMARY KEY, tags text[]);
CREATE INDEX ix_posts_tags ON posts USING gin (tags) WITH (fastupdate = off, gin_pending_list_limit = 128);
