CREATE TABLE ledger (id integer PRIMARY KEY, account integer, amount numeric);
CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(amount) FROM ledger) <> 0 THEN RAISE EXCEPTION 'ledger unbalanced'; END IF;
    RETURN NULL;
END
$$;
