CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.t (id integer PRIMARY KEY, v text);
CREATE TABLE s2.t (id integer PRIMARY KEY, v text);
