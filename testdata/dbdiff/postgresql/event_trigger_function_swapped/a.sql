CREATE SCHEMA audit;
CREATE TABLE audit.ddl_log (at timestamptz NOT NULL DEFAULT now(), tag text);
CREATE FUNCTION audit.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.ddl_log (tag) VALUES (tg_tag); END $$;
CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.log_ddl();
COMMENT ON EVENT TRIGGER log_ddl IS 'audit';
