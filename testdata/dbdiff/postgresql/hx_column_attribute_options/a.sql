CREATE TABLE orders (id integer PRIMARY KEY, customer integer, region text);
INSERT INTO orders VALUES (1, 1, 'eu');
