CREATE TYPE unused_pair AS (a integer, b integer);
CREATE TABLE t (id integer PRIMARY KEY);
