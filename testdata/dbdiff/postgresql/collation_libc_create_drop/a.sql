CREATE COLLATION plain_c (provider = libc, locale = 'C');
CREATE TABLE t (id integer PRIMARY KEY);
