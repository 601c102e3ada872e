CREATE TABLE items (id integer PRIMARY KEY, owner text);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_a ON items FOR INSERT WITH CHECK (owner = current_user);
CREATE POLICY items_b ON items FOR DELETE USING (owner = current_user);
