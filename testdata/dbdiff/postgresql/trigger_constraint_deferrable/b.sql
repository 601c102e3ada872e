CREATE TABLE ledger (id integer PRIMARY KEY, account integer, amount numeric);
CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(amount) FROM ledger) <> 0 THEN RAISE EXCEPTION 'ledger unbalanced'; END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER trg_ledger_balanced AFTER INSERT OR UPDATE ON ledger DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_balanced();
