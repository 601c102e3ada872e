CREATE PROCEDURE p(a integer, b text) LANGUAGE sql AS 'SELECT 1';
