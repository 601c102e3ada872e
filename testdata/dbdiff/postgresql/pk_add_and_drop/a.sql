CREATE TABLE t1 (id integer NOT NULL, v text);
CREATE TABLE t2 (id integer PRIMARY KEY, v text);
INSERT INTO t1 VALUES (1, 'a'), (2, 'b');
INSERT INTO t2 VALUES (1, 'a');
