CREATE TABLE t1 (id integer PRIMARY KEY, v text);
CREATE TABLE t2 (id serial PRIMARY KEY, v text);
INSERT INTO t1 VALUES (1, 'a');
INSERT INTO t2 (v) VALUES ('b');
