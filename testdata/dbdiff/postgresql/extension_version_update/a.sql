CREATE EXTENSION hstore VERSION '1.7';
CREATE TABLE kv (id integer PRIMARY KEY, h hstore);
INSERT INTO kv VALUES (1, 'a=>1');
