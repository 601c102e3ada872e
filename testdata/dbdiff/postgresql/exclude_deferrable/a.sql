CREATE TABLE plans (id integer PRIMARY KEY, valid daterange);
