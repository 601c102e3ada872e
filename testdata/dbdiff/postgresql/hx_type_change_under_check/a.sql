CREATE TABLE products (id integer PRIMARY KEY, price integer NOT NULL, CONSTRAINT products_price_check CHECK (price >= 0));
INSERT INTO products VALUES (1, 100), (2, 0);
