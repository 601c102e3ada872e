CREATE TYPE geo_point AS (lat real, lon real);
