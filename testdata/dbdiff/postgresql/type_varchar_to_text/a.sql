CREATE TABLE notes (id integer PRIMARY KEY, body varchar(500), title varchar(80) NOT NULL DEFAULT 'untitled');
INSERT INTO notes VALUES (1, 'hello', 'hi');
