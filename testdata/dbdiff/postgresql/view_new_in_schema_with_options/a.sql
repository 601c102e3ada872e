CREATE SCHEMA rpt;
CREATE TABLE orders (id integer PRIMARY KEY, total numeric NOT NULL, status text NOT NULL);
INSERT INTO orders VALUES (1, 10, 'open');
