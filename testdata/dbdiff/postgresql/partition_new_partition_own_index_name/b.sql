CREATE TABLE measurements (sensor_id integer NOT NULL, taken_on date NOT NULL, reading numeric(10,3) NOT NULL, PRIMARY KEY (sensor_id, taken_on)) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024q1 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE measurements_2024q2 PARTITION OF measurements FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
CREATE INDEX idx_measurements_taken_on ON measurements (taken_on);
ALTER INDEX measurements_2024q2_taken_on_idx RENAME TO index_measurements_2024q2_on_taken_on;
ALTER INDEX measurements_2024q2_pkey RENAME TO measurements_2024q2_pk;
INSERT INTO measurements VALUES (1, '2024-01-15', 20.5), (2, '2024-03-02', 19.25), (1, '2024-05-10', 21.0);
