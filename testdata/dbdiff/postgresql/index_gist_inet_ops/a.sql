CREATE TABLE blocks (id integer PRIMARY KEY, net inet);
