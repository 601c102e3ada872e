CREATE TABLE measurements (sensor integer NOT NULL, taken date NOT NULL, value real) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2024q1 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE measurements_2024q2 PARTITION OF measurements FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
CREATE TABLE measurements_2024q3 PARTITION OF measurements FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');
