CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.t (id integer PRIMARY KEY, a text);
CREATE TABLE s2.t (id integer PRIMARY KEY, a text);
CREATE TABLE t (id integer PRIMARY KEY, a text);
INSERT INTO s1.t VALUES (1, 'x');
INSERT INTO s2.t VALUES (2, 'y');
