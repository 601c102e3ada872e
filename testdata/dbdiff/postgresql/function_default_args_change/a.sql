CREATE FUNCTION paginate(page integer, size integer DEFAULT 20) RETURNS integer LANGUAGE sql AS 'SELECT (page - 1) * size';
