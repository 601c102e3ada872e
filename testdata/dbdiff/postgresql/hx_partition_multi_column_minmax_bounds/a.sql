CREATE TABLE readings (sensor integer NOT NULL, at date NOT NULL, v numeric) PARTITION BY RANGE (sensor, at);
CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, MAXVALUE);
INSERT INTO readings VALUES (5, '2024-01-01', 1);
