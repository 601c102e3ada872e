CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3), rate numeric);
CREATE TABLE charges (id integer PRIMARY KEY, total money_amount);
