mkdir app.db
