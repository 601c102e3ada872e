CREATE TABLE posts (id integer PRIMARY KEY, author text, published boolean NOT NULL DEFAULT false);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY posts_read_published ON posts FOR SELECT USING (published OR author = current_user);
