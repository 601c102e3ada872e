CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE people (id integer PRIMARY KEY, emails text[]);
INSERT INTO people VALUES (1, '{a@x.org}');
