CREATE TYPE measure AS (label varchar(10), qty numeric(8,1));
CREATE TABLE samples (id integer PRIMARY KEY, readings measure[], history measure[][], note text);
