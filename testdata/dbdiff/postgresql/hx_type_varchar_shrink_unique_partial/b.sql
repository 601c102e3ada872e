CREATE TABLE customers (id integer PRIMARY KEY, code varchar(8) NOT NULL, country char(2));
ALTER TABLE customers ADD CONSTRAINT customers_code_key UNIQUE (code);
CREATE INDEX customers_country_idx ON customers (country) WHERE country IS NOT NULL;
