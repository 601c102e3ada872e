CREATE TABLE t1 (id integer PRIMARY KEY, v text);
CREATE TABLE t2 (id integer NOT NULL, v text);
