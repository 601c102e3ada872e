CREATE TABLE notes (id integer PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
INSERT INTO notes VALUES (1, 'x', 'y');
