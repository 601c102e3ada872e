sqlite3 app.db 'PRAGMA journal_mode' >/dev/null; mkdir app.db-journal
