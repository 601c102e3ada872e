CREATE TABLE docs (id integer PRIMARY KEY, owner text NOT NULL);
INSERT INTO docs VALUES (1, 'a');
CREATE FUNCTION can_see(owner text) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT owner = current_user';
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_see ON docs FOR SELECT USING (can_see(owner));
