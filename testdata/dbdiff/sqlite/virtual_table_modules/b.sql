CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT);
CREATE TABLE doc_fts_notes (id INTEGER PRIMARY KEY, note TEXT);
CREATE VIRTUAL TABLE doc_fts USING fts5(body, content='doc', content_rowid='id', tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE box USING rtree(id, min_x, max_x, min_y, max_y);
CREATE VIRTUAL TABLE "doc_fts_extra" USING fts5(x);
