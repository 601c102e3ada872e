CREATE SCHEMA audit;
CREATE TABLE audit.log (at timestamptz NOT NULL DEFAULT now(), tbl text NOT NULL, op text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY);
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$ BEGIN INSERT INTO log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH STATEMENT EXECUTE FUNCTION audit.record();
