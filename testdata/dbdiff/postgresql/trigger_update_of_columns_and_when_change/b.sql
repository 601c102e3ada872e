CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, qty integer NOT NULL, updated timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER products_touch BEFORE UPDATE OF price, qty ON products FOR EACH ROW WHEN (OLD.price IS DISTINCT FROM NEW.price OR OLD.qty IS DISTINCT FROM NEW.qty) EXECUTE FUNCTION touch();
