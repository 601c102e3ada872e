CREATE TABLE t1 (id serial PRIMARY KEY, v text);
CREATE TABLE t2 (id integer PRIMARY KEY, v text);
