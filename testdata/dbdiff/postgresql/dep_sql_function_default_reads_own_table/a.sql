CREATE TABLE tickets (id integer PRIMARY KEY, title text NOT NULL);
INSERT INTO tickets VALUES (1, 'one'), (2, 'two');
