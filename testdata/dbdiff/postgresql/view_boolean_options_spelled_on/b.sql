CREATE TABLE account (id int PRIMARY KEY, owner_name text NOT NULL, region text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0);
INSERT INTO account VALUES (1, 'ada', 'eu', 10), (2, 'bob', 'us', 20);
CREATE VIEW eu_account AS SELECT id, owner_name, balance FROM account WHERE region = 'eu';
CREATE VIEW us_account WITH (security_invoker = 1, security_barrier = 'ON') AS SELECT id, owner_name, balance FROM account WHERE region = 'us' WITH CASCADED CHECK OPTION;
CREATE VIEW rich_account WITH (security_barrier = true) AS SELECT id FROM account WHERE balance > 15;
