CREATE TABLE people (id integer PRIMARY KEY, name varchar(20), code char(2));
