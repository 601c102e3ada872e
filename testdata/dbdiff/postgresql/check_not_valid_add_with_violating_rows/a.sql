CREATE TABLE orders (id integer PRIMARY KEY, qty integer);
INSERT INTO orders VALUES (1, 5), (2, -3);
