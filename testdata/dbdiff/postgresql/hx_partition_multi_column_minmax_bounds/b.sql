CREATE TABLE readings (sensor integer NOT NULL, at date NOT NULL, v numeric) PARTITION BY RANGE (sensor, at);
CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, MAXVALUE);
CREATE TABLE readings_mid PARTITION OF readings FOR VALUES FROM (100, MAXVALUE) TO (200, '2024-06-01') WITH (fillfactor = 80);
CREATE TABLE readings_high PARTITION OF readings FOR VALUES FROM (200, '2024-06-01') TO (MAXVALUE, MAXVALUE);
COMMENT ON TABLE readings_high IS 'high sensors';
COMMENT ON COLUMN readings_high.v IS 'value';
