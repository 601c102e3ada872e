CREATE TABLE items (id integer PRIMARY KEY, qty integer, label text);
INSERT INTO items VALUES (1, 12, 'a'), (2, NULL, 'b');
