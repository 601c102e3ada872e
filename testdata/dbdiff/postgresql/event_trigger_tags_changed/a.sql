CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'ddl: %', tg_tag; END $$;
CREATE EVENT TRIGGER watch_tables ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION note_ddl();
CREATE EVENT TRIGGER watch_drops ON ddl_command_start WHEN TAG IN ('DROP TABLE', 'DROP VIEW') EXECUTE FUNCTION note_ddl();
COMMENT ON EVENT TRIGGER watch_drops IS 'drops';
CREATE EVENT TRIGGER watch_all ON ddl_command_end EXECUTE FUNCTION note_ddl();
