CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric(10,2));
INSERT INTO orders (total) VALUES (1.50), (2.25);
