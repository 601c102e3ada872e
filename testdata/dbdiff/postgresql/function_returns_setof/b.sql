CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric);
CREATE FUNCTION big_orders(threshold numeric) RETURNS SETOF orders LANGUAGE sql STABLE ROWS 50 AS $$
    SELECT * FROM orders WHERE total > threshold
$$;
