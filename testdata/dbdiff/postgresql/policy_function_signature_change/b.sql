CREATE TABLE docs (id integer PRIMARY KEY, owner text NOT NULL);
CREATE FUNCTION can_see(owner text, doc integer) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT owner = current_user OR doc < 0';
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_see ON docs FOR SELECT USING (can_see(owner, id));
