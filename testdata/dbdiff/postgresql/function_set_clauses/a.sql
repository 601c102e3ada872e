CREATE FUNCTION heavy_report() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';
