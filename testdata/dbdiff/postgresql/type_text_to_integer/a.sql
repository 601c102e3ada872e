CREATE TABLE items (id integer PRIMARY KEY, code text, label text);
INSERT INTO items VALUES (1, '12', 'a'), (2, '0042', 'b'), (3, NULL, 'c');
