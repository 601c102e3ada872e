CREATE TABLE t (id integer PRIMARY KEY, a integer CHECK (a > 0 OR a IS NULL), b text, CHECK (b <> '' AND (a + 1) * 2 > 0));
