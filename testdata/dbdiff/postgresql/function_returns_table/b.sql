CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric);
CREATE FUNCTION customer_orders(c integer) RETURNS TABLE (order_id integer, amount numeric) LANGUAGE sql STABLE AS $$
    SELECT id, total FROM orders WHERE customer = c ORDER BY id
$$;
