CREATE TABLE orders (id integer PRIMARY KEY, ref text);
INSERT INTO orders VALUES (1, 'x');
