CREATE TABLE people (id integer PRIMARY KEY, name varchar(50), city character varying);
