CREATE SCHEMA geo;
CREATE TYPE geo.address AS (street text, zip varchar(10));
CREATE TABLE customers (id integer PRIMARY KEY, home geo.address, past geo.address[]);
CREATE INDEX customers_zip_idx ON customers (((home).zip));
CREATE VIEW customer_zips AS SELECT id, (home).zip AS zip, home FROM customers;
