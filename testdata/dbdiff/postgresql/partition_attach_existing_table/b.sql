CREATE TABLE invoices (id bigint NOT NULL, issued date NOT NULL, amount numeric(10,2)) PARTITION BY RANGE (issued);
CREATE TABLE invoices_2025 PARTITION OF invoices FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE invoices_2024 (id bigint NOT NULL, issued date NOT NULL, amount numeric(10,2));
ALTER TABLE invoices ATTACH PARTITION invoices_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
