CREATE TABLE measurement (sensor_id integer NOT NULL, taken_on date NOT NULL, reading numeric(8,2)) PARTITION BY RANGE (taken_on);
CREATE TABLE measurement_2023 PARTITION OF measurement FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE measurement_2024_staging (sensor_id integer NOT NULL, taken_on date NOT NULL, reading numeric(8,2));
ALTER TABLE measurement ATTACH PARTITION measurement_2024_staging FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO measurement VALUES (1, '2023-05-01', 12.50);
INSERT INTO measurement VALUES (2, '2024-02-03', 13.75);
