CREATE TYPE postal_address AS (street text, city text, zip varchar(10), country char(2));
CREATE TABLE shops (id integer PRIMARY KEY, name text, address postal_address);
