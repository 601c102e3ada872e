CREATE TABLE items (id INTEGER PRIMARY KEY, qty TEXT, price INTEGER, label TEXT);
INSERT INTO items VALUES (1, '12', 3, 'a'), (2, 'x', 4, 'b');
