CREATE TABLE people (id integer PRIMARY KEY, tenant integer, email text, created date);
