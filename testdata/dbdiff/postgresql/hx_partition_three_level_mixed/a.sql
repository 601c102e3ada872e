CREATE TABLE measurements (id bigint NOT NULL, taken_at date NOT NULL, region text NOT NULL, value numeric)
  PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2024_eu PARTITION OF measurements_2024 FOR VALUES IN ('eu');
CREATE TABLE measurements_2024_other PARTITION OF measurements_2024 DEFAULT;
INSERT INTO measurements VALUES (1, '2024-03-01', 'eu', 1), (2, '2024-03-01', 'us', 2);
