CREATE TABLE notes (id integer NOT NULL PRIMARY KEY, body text);
INSERT INTO notes VALUES (1, 'a'), (2, 'b'), (40, 'c');
