CREATE FUNCTION clamp(v integer, lo integer, hi integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE LEAKPROOF COST 1 AS 'SELECT greatest(lo, least(hi, v))';
