CREATE TABLE items (id integer PRIMARY KEY, owner text);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_p ON items FOR UPDATE USING (owner = current_user);
