CREATE TABLE flags (id integer PRIMARY KEY, ok text, kind text, n integer);
