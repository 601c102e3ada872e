CREATE TABLE memberships (user_name text, team integer);
CREATE TABLE boards (id integer PRIMARY KEY, team integer);
ALTER TABLE boards ENABLE ROW LEVEL SECURITY;
