CREATE TABLE audit_log (id serial PRIMARY KEY, msg text);
CREATE FUNCTION log_event(msg text) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$ INSERT INTO audit_log (msg) VALUES (msg) $$;
