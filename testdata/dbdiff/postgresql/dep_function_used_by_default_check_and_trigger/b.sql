CREATE FUNCTION next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'A-' || (floor(random() * 1000000))::bigint $$;
CREATE FUNCTION valid_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c ~ '^[A-Z]-[0-9]+$' $$;
CREATE FUNCTION touch_total() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.total := coalesce(NEW.total, 0); RETURN NEW; END $$;
CREATE TABLE orders (id integer PRIMARY KEY, code text DEFAULT next_code() CONSTRAINT ck_orders_code CHECK (valid_code(code)), total numeric);
CREATE TRIGGER trg_orders_total BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_total();
