CREATE TYPE address AS (street text, city text, zip varchar(10), country char(2));
CREATE TABLE shipping_addresses OF address (city WITH OPTIONS NOT NULL);
