CREATE TYPE geo_point AS (lat double precision, lon double precision);
