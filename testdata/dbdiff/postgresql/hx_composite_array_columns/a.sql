CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TABLE customers (id integer PRIMARY KEY, home address);
INSERT INTO customers VALUES (1, ROW('Main St 1', 'Springfield', '12345'));
