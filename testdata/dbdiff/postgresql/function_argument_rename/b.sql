CREATE FUNCTION double_it(value integer) RETURNS integer LANGUAGE sql AS 'SELECT $1 * 2';
