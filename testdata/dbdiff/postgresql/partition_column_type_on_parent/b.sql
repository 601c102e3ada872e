CREATE TABLE samples (id integer NOT NULL, at date NOT NULL, amount bigint) PARTITION BY RANGE (at);
CREATE TABLE samples_2024 PARTITION OF samples FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
