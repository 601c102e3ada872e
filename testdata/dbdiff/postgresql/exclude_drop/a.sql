CREATE TABLE leases (id integer PRIMARY KEY, span daterange, CONSTRAINT ex_leases EXCLUDE USING gist (span WITH &&));
