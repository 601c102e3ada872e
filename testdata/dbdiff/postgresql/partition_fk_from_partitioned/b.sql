CREATE TABLE tenants (id integer PRIMARY KEY, name text);
CREATE TABLE usage (tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE, day date NOT NULL, units integer) PARTITION BY RANGE (day);
CREATE TABLE usage_2024 PARTITION OF usage FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
