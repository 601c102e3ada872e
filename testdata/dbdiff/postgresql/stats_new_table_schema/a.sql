CREATE SCHEMA stats;
CREATE TABLE items (id integer PRIMARY KEY, a integer, b integer);
