CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric);
INSERT INTO orders VALUES (1, 1, 10), (2, 1, 5);
