CREATE TABLE empty_one ();
CREATE TABLE t (id integer);
