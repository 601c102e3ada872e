CREATE SCHEMA extensions;
CREATE EXTENSION hstore WITH SCHEMA extensions;
CREATE TABLE settings (id integer PRIMARY KEY, attrs extensions.hstore);
