CREATE TABLE orders (id integer PRIMARY KEY, amount numeric NOT NULL);
INSERT INTO orders VALUES (1, 10), (2, -5);
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
