CREATE TABLE t (id integer primary key, a int, b boolean, c datetime, d double precision, e blob, f varchar);
