CREATE TABLE measurements (id bigint NOT NULL, taken_at date NOT NULL, region text NOT NULL, value numeric)
  PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2024_eu PARTITION OF measurements_2024 FOR VALUES IN ('eu');
CREATE TABLE measurements_2024_us PARTITION OF measurements_2024 FOR VALUES IN ('us', 'ca');
CREATE TABLE measurements_2024_other PARTITION OF measurements_2024 DEFAULT;
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE measurements_2025_h0 PARTITION OF measurements_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE measurements_2025_h1 PARTITION OF measurements_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE measurements_default PARTITION OF measurements DEFAULT;
