CREATE TABLE measurement (sensor_id integer NOT NULL, taken_on date NOT NULL, reading numeric(8,2), calibration_note text) PARTITION BY RANGE (taken_on);
CREATE TABLE measurement_2023 PARTITION OF measurement FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE measurement_2024_staging (sensor_id integer NOT NULL, taken_on date NOT NULL, reading numeric(8,2));
INSERT INTO measurement VALUES (1, '2023-05-01', 12.50, 'ok');
INSERT INTO measurement_2024_staging VALUES (2, '2024-02-03', 13.75);
