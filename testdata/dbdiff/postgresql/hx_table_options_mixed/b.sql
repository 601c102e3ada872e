CREATE TABLE metrics (id integer PRIMARY KEY, host text, val numeric);
ALTER TABLE metrics ALTER host SET COMPRESSION lz4;
ALTER TABLE metrics REPLICA IDENTITY FULL;
ALTER TABLE metrics SET (toast_tuple_target = 256, parallel_workers = 2);
