CREATE TABLE orders (id integer PRIMARY KEY, customer integer, region text);
ALTER TABLE orders ALTER COLUMN customer SET (n_distinct = 1000);
ALTER TABLE orders ALTER COLUMN region SET (n_distinct = -0.05, n_distinct_inherited = 10);
