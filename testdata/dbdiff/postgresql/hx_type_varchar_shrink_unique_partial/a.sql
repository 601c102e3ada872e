CREATE TABLE customers (id integer PRIMARY KEY, code varchar(32) NOT NULL, country char(3));
ALTER TABLE customers ADD CONSTRAINT customers_code_key UNIQUE (code);
CREATE INDEX customers_country_idx ON customers (country) WHERE country IS NOT NULL;
INSERT INTO customers VALUES (1, 'ACME', 'US'), (2, 'GLOBEX', 'DE');
