CREATE TABLE rates (id integer PRIMARY KEY);
