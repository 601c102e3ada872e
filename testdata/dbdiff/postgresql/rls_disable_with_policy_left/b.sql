CREATE TABLE notes (id integer PRIMARY KEY, owner text);
CREATE POLICY notes_owner ON notes USING (owner = current_user);
