CREATE TABLE queue (id bigint PRIMARY KEY, payload text);
