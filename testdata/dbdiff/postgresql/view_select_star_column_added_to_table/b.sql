CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE VIEW v AS SELECT * FROM t;
