CREATE TYPE address AS (street text, zip varchar(10));
CREATE TABLE customers (id integer PRIMARY KEY, home address);
