CREATE TABLE secrets (id integer PRIMARY KEY, v text);
INSERT INTO secrets VALUES (1, 's');
CREATE FUNCTION secret_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public SET work_mem = '64MB' AS 'SELECT count(*) FROM public.secrets';
