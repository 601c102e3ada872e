CREATE TABLE sales (id bigint NOT NULL, sold date NOT NULL, qty integer, CONSTRAINT sales_qty_check CHECK (qty > 0)) PARTITION BY RANGE (sold);
CREATE TABLE sales_2023 PARTITION OF sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE sales_2024 (id bigint NOT NULL, sold date NOT NULL, qty integer, CONSTRAINT sales_qty_check CHECK (qty > 0), CONSTRAINT sales_2024_sold_check CHECK (sold >= '2024-01-01'));
INSERT INTO sales VALUES (1, '2023-01-05', 1); INSERT INTO sales_2024 VALUES (2, '2024-03-03', 2);
