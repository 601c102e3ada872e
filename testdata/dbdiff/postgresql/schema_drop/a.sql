CREATE SCHEMA old;
CREATE TABLE old.stuff (id integer PRIMARY KEY, v text);
CREATE TABLE old.more (id integer PRIMARY KEY, s integer REFERENCES old.stuff);
CREATE TABLE keep (id integer PRIMARY KEY);
INSERT INTO keep VALUES (1);
