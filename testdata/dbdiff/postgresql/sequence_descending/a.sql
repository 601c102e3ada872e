CREATE TABLE countdown (id integer PRIMARY KEY);
