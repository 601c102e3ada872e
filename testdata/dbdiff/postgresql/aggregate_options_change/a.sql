CREATE SCHEMA stats;
CREATE TABLE t (id integer PRIMARY KEY, v numeric);
CREATE FUNCTION stats.acc(s numeric[], v numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$ SELECT s || v $$;
CREATE FUNCTION stats.mid(s numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT s[(array_length(s, 1) + 1) / 2] $$;
CREATE AGGREGATE stats.middle(numeric) (SFUNC = stats.acc, STYPE = numeric[], INITCOND = '{}');
CREATE AGGREGATE rows_seen(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0');
CREATE VIEW t_middle AS SELECT stats.middle(v) AS m, rows_seen(*) AS n FROM t;
COMMENT ON AGGREGATE rows_seen(*) IS 'count(*) by hand';
