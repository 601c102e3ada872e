CREATE TABLE notes (id integer PRIMARY KEY, body text, title text NOT NULL DEFAULT 'untitled');
