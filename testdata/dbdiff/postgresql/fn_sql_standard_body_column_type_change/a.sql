CREATE TABLE orders (id integer PRIMARY KEY, qty integer NOT NULL);
INSERT INTO orders VALUES (1, 3), (2, 4);
CREATE FUNCTION total_qty() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(qty) FROM orders; END;
CREATE FUNCTION max_qty() RETURNS bigint LANGUAGE sql STABLE RETURN (SELECT max(qty) FROM orders);
