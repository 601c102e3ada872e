CREATE TABLE sales (region text NOT NULL, sold date NOT NULL, amount numeric) PARTITION BY LIST (region);
CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('eu');
INSERT INTO sales VALUES ('eu', '2024-01-01', 5);
