CREATE TABLE ledger (id bigint NOT NULL, booked date NOT NULL, amount numeric) PARTITION BY RANGE (booked);
CREATE TABLE ledger_2023 PARTITION OF ledger FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE ledger_2024 (id bigint NOT NULL, booked date NOT NULL, amount numeric);
INSERT INTO ledger VALUES (1, '2023-05-05', 1); INSERT INTO ledger_2024 VALUES (2, '2024-05-05', 2);
