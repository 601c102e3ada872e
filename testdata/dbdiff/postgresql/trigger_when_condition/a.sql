CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric);
CREATE FUNCTION flag_overdraft() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'overdraft on %', NEW.id; RETURN NEW; END $$;
CREATE TRIGGER trg_overdraft AFTER UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION flag_overdraft();
