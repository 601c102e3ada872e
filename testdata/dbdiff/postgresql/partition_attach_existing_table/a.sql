CREATE TABLE invoices (id bigint NOT NULL, issued date NOT NULL, amount numeric(10,2)) PARTITION BY RANGE (issued);
CREATE TABLE invoices_2025 PARTITION OF invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE invoices_2024 (id bigint NOT NULL, issued date NOT NULL, amount numeric(10,2));
INSERT INTO invoices_2024 VALUES (1, '2024-03-01', 10.00);
INSERT INTO invoices VALUES (2, '2025-03-01', 20.00);
