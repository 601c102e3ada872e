CREATE TABLE queue (id bigint PRIMARY KEY, payload text) WITH (fillfactor = 70, autovacuum_enabled = off, toast.autovacuum_enabled = false);
