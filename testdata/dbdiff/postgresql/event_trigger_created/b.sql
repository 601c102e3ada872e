CREATE TABLE ddl_log (at timestamptz NOT NULL DEFAULT now(), tag text);
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ddl_log (tag) VALUES (tg_tag); END $$;
CREATE EVENT TRIGGER log_ddl_end ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION log_ddl();
COMMENT ON EVENT TRIGGER log_ddl_end IS 'records table DDL';
