CREATE TABLE items (id integer PRIMARY KEY, owner text);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_p ON items FOR SELECT USING (owner = current_user);
