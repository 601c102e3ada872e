CREATE TABLE accounts (id integer NOT NULL, balance numeric NOT NULL DEFAULT 0, CONSTRAINT ck_accounts_balance CHECK (balance > -1000));
CREATE TABLE savings (rate numeric, CONSTRAINT ck_savings_rate CHECK (rate BETWEEN 0 AND 1)) INHERITS (accounts);
CREATE INDEX ix_savings_rate ON savings (rate);
