CREATE EXTENSION moddatetime;
CREATE TABLE t (id integer PRIMARY KEY, modified timestamp);
