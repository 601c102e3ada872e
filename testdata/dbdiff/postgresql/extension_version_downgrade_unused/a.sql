CREATE EXTENSION hstore VERSION '1.8';
CREATE TABLE kv (id integer PRIMARY KEY, note text);
INSERT INTO kv VALUES (1, 'a');
