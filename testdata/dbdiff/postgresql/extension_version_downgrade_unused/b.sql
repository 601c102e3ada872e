CREATE EXTENSION hstore VERSION '1.7';
CREATE TABLE kv (id integer PRIMARY KEY, note text);
