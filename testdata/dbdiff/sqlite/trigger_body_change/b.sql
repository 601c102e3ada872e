CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, updated_at TEXT);
CREATE TRIGGER trg_docs_touch AFTER UPDATE OF body ON docs BEGIN UPDATE docs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id; END;
