CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO doc VALUES (1, 'hello');
CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', content_rowid='id');
CREATE VIRTUAL TABLE old_idx USING fts4(title, body);
CREATE VIRTUAL TABLE "doc_fts_extra" USING fts5(x);
