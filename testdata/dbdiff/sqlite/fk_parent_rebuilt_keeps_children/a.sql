PRAGMA foreign_keys = ON;
CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE, n TEXT);
INSERT INTO parents VALUES (1, 'a'), (2, 'b');
INSERT INTO kids VALUES (1, 1, 'x'), (2, 2, 'y');
