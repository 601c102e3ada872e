CREATE TABLE items (id integer PRIMARY KEY, owner text, shared boolean);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_visible ON items USING (owner = current_user);
