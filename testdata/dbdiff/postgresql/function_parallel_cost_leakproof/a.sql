CREATE FUNCTION clamp(v integer, lo integer, hi integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT greatest(lo, least(hi, v))';
