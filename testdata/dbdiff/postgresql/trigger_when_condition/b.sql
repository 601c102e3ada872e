CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric);
CREATE FUNCTION flag_overdraft() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'overdraft on %', NEW.id; RETURN NEW; END $$;
CREATE TRIGGER trg_overdraft AFTER UPDATE ON accounts FOR EACH ROW WHEN (NEW.balance < 0 AND OLD.balance IS DISTINCT FROM NEW.balance) EXECUTE FUNCTION flag_overdraft();
