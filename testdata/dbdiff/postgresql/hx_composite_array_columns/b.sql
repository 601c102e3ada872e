CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TABLE customers (id integer PRIMARY KEY, home address, others address[] DEFAULT '{}', history address[][]);
