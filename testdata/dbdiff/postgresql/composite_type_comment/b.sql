CREATE TYPE span AS (lo integer, hi integer);
COMMENT ON TYPE span IS 'closed integer interval';
COMMENT ON COLUMN span.lo IS 'lower bound';
