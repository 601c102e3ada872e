CREATE TYPE span AS (lo integer, hi integer);
