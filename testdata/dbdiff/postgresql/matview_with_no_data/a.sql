CREATE TABLE big (id integer PRIMARY KEY, v text);
