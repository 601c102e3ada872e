CREATE TABLE immutable_log (id integer PRIMARY KEY, msg text);
