CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE kv (id integer PRIMARY KEY, h hstore);
