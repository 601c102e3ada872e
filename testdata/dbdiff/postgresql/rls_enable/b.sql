CREATE TABLE notes (id integer PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
