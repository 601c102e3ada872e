CREATE TABLE customers (id integer PRIMARY KEY, name text, active boolean NOT NULL DEFAULT true);
INSERT INTO customers VALUES (1, 'a', true), (2, 'b', false);
