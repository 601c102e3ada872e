CREATE TABLE empty_two ();
CREATE TABLE t ();
