CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 * 2';
