CREATE TABLE secrets (id integer PRIMARY KEY, v text);
CREATE FUNCTION secret_count() RETURNS bigint LANGUAGE sql STABLE SET search_path = public AS 'SELECT count(*) FROM public.secrets';
