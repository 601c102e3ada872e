CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE VIEW tv AS SELECT id, v FROM t;
