CREATE TABLE orders (id integer PRIMARY KEY, code text, total numeric);
INSERT INTO orders VALUES (1, 'A-1', 10);
