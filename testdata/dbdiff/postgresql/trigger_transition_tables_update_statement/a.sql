CREATE TABLE stock (id integer PRIMARY KEY, qty integer NOT NULL);
CREATE TABLE stock_audit (at timestamptz NOT NULL DEFAULT now(), changed integer NOT NULL);
INSERT INTO stock VALUES (1, 5), (2, 6);
CREATE FUNCTION stock_audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO stock_audit (changed) SELECT count(*) FROM new_rows n JOIN old_rows o USING (id) WHERE n.qty <> o.qty; RETURN NULL; END $$;
