CREATE TABLE readings (id integer PRIMARY KEY, sensor text NOT NULL, val double precision) WITH (fillfactor = 70, autovacuum_enabled = false);
ALTER TABLE readings ALTER sensor SET STATISTICS 500;
ALTER TABLE readings ALTER val SET STORAGE PLAIN;
CREATE INDEX readings_sensor_idx ON readings (sensor) WITH (fillfactor = 50) TABLESPACE pg_default;
