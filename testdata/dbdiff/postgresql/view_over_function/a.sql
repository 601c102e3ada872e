CREATE TABLE t (id integer PRIMARY KEY, price numeric);
