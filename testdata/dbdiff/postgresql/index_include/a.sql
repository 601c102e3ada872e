CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric, status text);
CREATE INDEX ix_orders_customer ON orders (customer);
INSERT INTO orders VALUES (1, 1, 2, 's');
