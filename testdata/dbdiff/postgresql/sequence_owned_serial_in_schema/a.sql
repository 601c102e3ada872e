CREATE SCHEMA inv;
CREATE TABLE inv.parts (id serial PRIMARY KEY, name text);
INSERT INTO inv.parts (name) VALUES ('bolt');
