CREATE TABLE counters (id integer PRIMARY KEY, hits bigint, total numeric(20,0), f double precision);
