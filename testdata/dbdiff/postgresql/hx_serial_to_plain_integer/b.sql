CREATE TABLE s (id integer PRIMARY KEY, v text);
