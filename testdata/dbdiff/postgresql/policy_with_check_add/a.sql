CREATE TABLE items (id integer PRIMARY KEY, owner text);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_own ON items FOR ALL USING (owner = current_user);
