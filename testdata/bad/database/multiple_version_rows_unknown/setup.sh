sqlite3 app.db "INSERT INTO schemadiff_version VALUES ('123456789abd')"
