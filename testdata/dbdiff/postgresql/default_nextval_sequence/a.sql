CREATE TABLE tickets (id integer PRIMARY KEY, no integer, label text);
INSERT INTO tickets VALUES (1, 7, 'a');
