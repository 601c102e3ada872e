sqlite3 app.db 'DROP TABLE tags'
