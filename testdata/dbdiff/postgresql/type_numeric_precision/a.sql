CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(10,2), rate numeric, ratio numeric(5,3));
INSERT INTO prices VALUES (1, 12.50, 3.14159, 1.25);
