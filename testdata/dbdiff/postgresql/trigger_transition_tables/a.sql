CREATE TABLE stock (sku text PRIMARY KEY, qty integer);
CREATE TABLE stock_moves (sku text, delta integer);
CREATE FUNCTION record_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stock_moves SELECT n.sku, n.qty - o.qty FROM new_rows n JOIN old_rows o USING (sku);
    RETURN NULL;
END
$$;
