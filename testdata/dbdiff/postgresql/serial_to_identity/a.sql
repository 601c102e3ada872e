CREATE TABLE orders (id serial PRIMARY KEY, total numeric(10,2));
INSERT INTO orders (total) VALUES (1.50), (2.25);
