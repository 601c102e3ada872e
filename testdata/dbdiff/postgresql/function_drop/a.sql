CREATE FUNCTION obsolete_helper(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x * 2';
