CREATE TABLE orders (id integer PRIMARY KEY, customer integer);
INSERT INTO orders VALUES (1, NULL);
