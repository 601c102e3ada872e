CREATE SCHEMA legacy;
CREATE TYPE legacy.state AS ENUM ('a', 'b');
CREATE DOMAIN legacy.code AS text;
CREATE SEQUENCE legacy.ids;
CREATE TABLE legacy.things (id integer PRIMARY KEY DEFAULT nextval('legacy.ids'), s legacy.state, c legacy.code);
CREATE VIEW legacy.thing_codes AS SELECT id, c FROM legacy.things;
CREATE FUNCTION legacy.count_things() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM legacy.things';
CREATE TABLE keep (id integer PRIMARY KEY);
