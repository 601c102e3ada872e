CREATE TABLE readings (device bigint NOT NULL, at timestamptz NOT NULL, v double precision, PRIMARY KEY (device, at)) PARTITION BY RANGE (at);
CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
