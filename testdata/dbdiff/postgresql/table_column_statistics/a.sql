CREATE TABLE searches (id integer PRIMARY KEY, term text);
