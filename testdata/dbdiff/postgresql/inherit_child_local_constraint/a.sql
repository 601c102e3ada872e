CREATE TABLE accounts (id integer NOT NULL, balance numeric NOT NULL DEFAULT 0, CONSTRAINT ck_accounts_balance CHECK (balance > -1000));
CREATE TABLE savings (rate numeric) INHERITS (accounts);
