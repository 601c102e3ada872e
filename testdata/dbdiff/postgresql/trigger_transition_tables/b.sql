CREATE TABLE stock (sku text PRIMARY KEY, qty integer);
CREATE TABLE stock_moves (sku text, delta integer);
CREATE FUNCTION record_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stock_moves SELECT n.sku, n.qty - o.qty FROM new_rows n JOIN old_rows o USING (sku);
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_stock_moves AFTER UPDATE ON stock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_moves();
