CREATE TABLE measurements (sensor integer NOT NULL, taken date NOT NULL, value real) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2024q1 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE measurements_2024q2 PARTITION OF measurements FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
INSERT INTO measurements VALUES (1, '2024-01-15', 20.5), (2, '2024-05-03', 18.25);
