CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT, tags TEXT);
CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, tags, content='notes', content_rowid='id', tokenize='trigram');
CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN INSERT INTO notes_fts (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags); END;
CREATE VIEW v AS SELECT title FROM notes_fts;
