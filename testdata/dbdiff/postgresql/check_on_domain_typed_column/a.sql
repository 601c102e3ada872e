CREATE DOMAIN cents AS bigint;
CREATE TABLE ledger (id integer PRIMARY KEY, amount cents);
