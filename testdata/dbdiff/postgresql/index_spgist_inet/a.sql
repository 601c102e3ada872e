CREATE TABLE hosts (id integer PRIMARY KEY, addr inet);
