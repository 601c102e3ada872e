CREATE TABLE notes (id serial PRIMARY KEY, body text, kind text);
CREATE VIEW memo_notes AS SELECT id, body, kind FROM notes WHERE kind = 'memo';
ALTER VIEW memo_notes ALTER COLUMN kind SET DEFAULT 'memo';
