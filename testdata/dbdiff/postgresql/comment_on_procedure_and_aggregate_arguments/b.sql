CREATE PROCEDURE p(a integer, b text) LANGUAGE sql AS 'SELECT 1';
COMMENT ON PROCEDURE p(integer, text) IS 'does p';
