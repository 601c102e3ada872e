CREATE SEQUENCE ledger_ids AS bigint;
CREATE TABLE credits (id bigint PRIMARY KEY DEFAULT nextval('ledger_ids'), amount numeric);
CREATE TABLE debits (id bigint PRIMARY KEY DEFAULT nextval('ledger_ids'), amount numeric);
