CREATE TABLE leases (id integer PRIMARY KEY, span daterange);
