CREATE TABLE credits (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE debits (id bigint PRIMARY KEY, amount numeric);
INSERT INTO credits VALUES (1, 5);
