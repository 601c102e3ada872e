CREATE TABLE t (id integer PRIMARY KEY, o text);
CREATE POLICY "owner can see own rows" ON t USING (o = current_user);
