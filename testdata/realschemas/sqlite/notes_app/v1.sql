-- A desktop note-taking app's local SQLite store: STRICT tables, WITHOUT
-- ROWID lookup tables, AUTOINCREMENT ids that must never be reused (sync
-- depends on them), a full-text index kept by triggers, virtual generated
-- columns, JSON attributes with expression indexes.
PRAGMA foreign_keys = ON;
CREATE TABLE notebooks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT 'gray',
    position INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
) STRICT;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    notebook_id INTEGER NOT NULL REFERENCES notebooks (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    deleted_ms INTEGER,
    word_count INTEGER GENERATED ALWAYS AS (length(body) - length(replace(body, ' ', '')) + 1) VIRTUAL,
    pinned INTEGER GENERATED ALWAYS AS (coalesce(json_extract(attrs, '$.pinned'), 0)) VIRTUAL
) STRICT;
CREATE INDEX notes_notebook_updated ON notes (notebook_id, updated_ms DESC) WHERE deleted_ms IS NULL;
CREATE INDEX notes_pinned ON notes (notebook_id) WHERE pinned = 1 AND deleted_ms IS NULL;
CREATE INDEX notes_due ON notes (json_extract(attrs, '$.due')) WHERE json_extract(attrs, '$.due') IS NOT NULL;
CREATE TABLE tags (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    color TEXT
) WITHOUT ROWID;
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag TEXT NOT NULL REFERENCES tags (name) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value ANY
) STRICT, WITHOUT ROWID;
CREATE TABLE sync_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    at_ms INTEGER NOT NULL
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    sha256 BLOB NOT NULL UNIQUE
) STRICT;
CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, body ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO notes_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER notes_sync AFTER UPDATE ON notes BEGIN
    INSERT INTO sync_log (entity, entity_id, op, at_ms) VALUES ('note', new.id, CASE WHEN new.deleted_ms IS NULL THEN 'upsert' ELSE 'delete' END, new.updated_ms);
END;
CREATE VIEW live_notes AS
    SELECT n.id, n.title, n.updated_ms, b.title AS notebook
    FROM notes n JOIN notebooks b ON b.id = n.notebook_id
    WHERE n.deleted_ms IS NULL AND b.archived = 0;
INSERT INTO notebooks (title, color) VALUES ('Inbox', 'blue'), ('Recipes', 'green');
INSERT INTO notes (notebook_id, title, body, attrs, created_ms, updated_ms) VALUES
    (1, 'Groceries', 'milk eggs bread', '{"pinned": 1}', 1700000000000, 1700000000000),
    (2, 'Crêpes', 'flour milk eggs sugar', '{"due": "2026-02-14"}', 1700000100000, 1700000200000);
INSERT INTO tags VALUES ('Food', '#0a0'), ('todo', NULL);
INSERT INTO note_tags VALUES (1, 'todo'), (2, 'Food');
INSERT INTO settings VALUES ('theme', 'dark'), ('font_size', 14);
INSERT INTO attachments (note_id, file_name, mime, bytes, sha256) VALUES (2, 'crepes.jpg', 'image/jpeg', 53211, x'0011223344');
DELETE FROM sync_log;
