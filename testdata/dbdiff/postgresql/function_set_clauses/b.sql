CREATE FUNCTION heavy_report() RETURNS bigint LANGUAGE sql SET work_mem = '256MB' SET statement_timeout = '5min' AS 'SELECT 1::bigint';
