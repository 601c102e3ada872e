CREATE SCHEMA geo;
CREATE TYPE geo.address AS (street text, zip varchar(5));
CREATE TABLE customers (id integer PRIMARY KEY, home geo.address, past geo.address[]);
CREATE INDEX customers_zip_idx ON customers (((home).zip));
CREATE VIEW customer_zips AS SELECT id, (home).zip AS zip, home FROM customers;
INSERT INTO customers VALUES (1, ROW('Main St 1', '12345'), ARRAY[ROW('Old St', '999')::geo.address]);
