CREATE TABLE queue (id bigint PRIMARY KEY, payload text) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05, autovacuum_enabled = true);
