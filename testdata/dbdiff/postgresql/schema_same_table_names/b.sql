CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.t (id integer PRIMARY KEY, a text, b integer);
CREATE TABLE s2.t (id integer PRIMARY KEY, a varchar(10));
CREATE TABLE t (id integer PRIMARY KEY, c text);
CREATE INDEX ix_t_a ON s1.t (a);
CREATE INDEX ix_t_a2 ON s2.t (a);
