CREATE TABLE s (id INTEGER PRIMARY KEY, lang TEXT DEFAULT 'de', theme TEXT DEFAULT (lower('DARK')), size INTEGER, at TEXT DEFAULT (datetime('now')));
