CREATE TABLE orders (id integer PRIMARY KEY, total numeric);
CREATE TABLE order_log (order_id integer, op text, at timestamptz DEFAULT now());
CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_log (order_id, op) VALUES (coalesce(NEW.id, OLD.id), TG_OP);
    RETURN NULL;
END
$$;
CREATE TRIGGER trg_orders_log AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH ROW EXECUTE FUNCTION log_order();
