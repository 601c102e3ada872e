CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';
COMMENT ON FUNCTION answer() IS 'the answer';
