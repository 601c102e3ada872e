CREATE TABLE docs (id integer PRIMARY KEY, owner text, team text, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_visible ON docs USING (owner = current_user OR team = current_setting('app.team', true));
INSERT INTO docs VALUES (1, 'u', 't', 'b');
