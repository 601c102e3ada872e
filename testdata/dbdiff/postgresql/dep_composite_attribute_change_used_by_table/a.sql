CREATE TYPE address AS (street text, zip varchar(5));
CREATE TABLE customers (id integer PRIMARY KEY, home address);
INSERT INTO customers VALUES (1, ROW('Main St 1', '12345'));
