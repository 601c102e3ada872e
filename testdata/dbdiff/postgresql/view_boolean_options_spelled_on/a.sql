CREATE TABLE account (id int PRIMARY KEY, owner_name text NOT NULL, region text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0);
INSERT INTO account VALUES (1, 'ada', 'eu', 10), (2, 'bob', 'us', 20);
-- the catalog keeps a boolean option as it was written
CREATE VIEW eu_account WITH (security_barrier = on) AS SELECT id, owner_name, balance FROM account WHERE region = 'eu';
CREATE VIEW us_account AS SELECT id, owner_name, balance FROM account WHERE region = 'us';
ALTER VIEW us_account SET (security_invoker = 'yes');
CREATE VIEW rich_account WITH (security_barrier = off) AS SELECT id FROM account WHERE balance > 15;
