CREATE TABLE tenants (id integer PRIMARY KEY, name text);
CREATE TABLE usage (tenant_id integer NOT NULL, day date NOT NULL, units integer) PARTITION BY RANGE (day);
CREATE TABLE usage_2024 PARTITION OF usage FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO tenants VALUES (1, 't1');
INSERT INTO usage VALUES (1, '2024-03-03', 10);
