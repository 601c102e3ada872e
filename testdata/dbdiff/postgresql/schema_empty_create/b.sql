CREATE TABLE t (id integer PRIMARY KEY);
CREATE SCHEMA reporting;
