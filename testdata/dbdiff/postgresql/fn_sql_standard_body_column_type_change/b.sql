CREATE TABLE orders (id integer PRIMARY KEY, qty bigint NOT NULL);
CREATE FUNCTION total_qty() RETURNS numeric LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(qty) FROM orders; END;
CREATE FUNCTION max_qty() RETURNS bigint LANGUAGE sql STABLE RETURN (SELECT max(qty) FROM orders);
