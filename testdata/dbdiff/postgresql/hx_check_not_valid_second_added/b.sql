CREATE TABLE orders (id integer PRIMARY KEY, amount numeric NOT NULL);
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_amount_cap CHECK (amount < 1000000) NOT VALID;
