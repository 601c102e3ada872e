CREATE TABLE notes (id integer PRIMARY KEY, owner text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON notes USING (owner = current_user);
