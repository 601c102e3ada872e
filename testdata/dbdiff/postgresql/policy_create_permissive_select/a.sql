CREATE TABLE posts (id integer PRIMARY KEY, author text, published boolean NOT NULL DEFAULT false);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
