CREATE SCHEMA crm;
CREATE TABLE crm.customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY, customer integer REFERENCES crm.customers (id));
COMMENT ON TABLE crm.customers IS 'customers';
