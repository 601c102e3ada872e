CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE VIEW t_upper AS SELECT id, upper(v) AS v FROM t;
