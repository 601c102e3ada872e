CREATE TABLE products (id integer PRIMARY KEY, price numeric NOT NULL, qty integer NOT NULL, updated timestamptz);
INSERT INTO products VALUES (1, 2.5, 3, NULL);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER products_touch BEFORE UPDATE OF price ON products FOR EACH ROW EXECUTE FUNCTION touch();
