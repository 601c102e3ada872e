CREATE TABLE accounts (id integer PRIMARY KEY);
CREATE TABLE transfers (id bigint NOT NULL, at date NOT NULL, account_id integer REFERENCES accounts ON DELETE SET NULL, PRIMARY KEY (id)) PARTITION BY HASH (id);
CREATE TABLE transfers_0 PARTITION OF transfers FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE transfers_1 PARTITION OF transfers FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX transfers_account_idx ON transfers (account_id);
COMMENT ON TABLE transfers_1 IS 'odd';
COMMENT ON COLUMN transfers.at IS 'booking date';
