CREATE DOMAIN quantity AS integer;
CREATE TABLE stock (id integer PRIMARY KEY, qty quantity);
INSERT INTO stock VALUES (1, -5);
