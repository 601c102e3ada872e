CREATE TABLE docs (id integer PRIMARY KEY, owner text, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_visible ON docs USING (owner = current_user);
