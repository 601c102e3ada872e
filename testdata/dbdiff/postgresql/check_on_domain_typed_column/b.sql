CREATE DOMAIN cents AS bigint;
CREATE TABLE ledger (id integer PRIMARY KEY, amount cents, CONSTRAINT ck_ledger_amount CHECK (amount <> 0));
