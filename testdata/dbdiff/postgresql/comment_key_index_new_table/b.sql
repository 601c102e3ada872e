CREATE TABLE accounts (id integer PRIMARY KEY);
CREATE TABLE invoices (id bigint PRIMARY KEY, account integer REFERENCES accounts, number text NOT NULL,
  CONSTRAINT invoices_number_key UNIQUE (account, number));
COMMENT ON INDEX invoices_pkey IS 'looked up by id from the API';
COMMENT ON CONSTRAINT invoices_number_key ON invoices IS 'numbers are per account';
COMMENT ON INDEX invoices_number_key IS 'also serves account lookups';
