CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE TABLE charges (id integer PRIMARY KEY, total money_amount);
INSERT INTO charges VALUES (1, ROW(9.99, 'EUR'));
