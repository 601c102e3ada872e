CREATE TABLE t (id integer PRIMARY KEY);
CREATE SEQUENCE legacy_counter;
SELECT nextval('legacy_counter');
