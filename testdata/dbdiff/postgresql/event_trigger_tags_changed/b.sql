CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'ddl: %', tg_tag; END $$;
CREATE EVENT TRIGGER watch_tables ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'create index') EXECUTE FUNCTION note_ddl();
CREATE EVENT TRIGGER watch_drops ON sql_drop WHEN TAG IN ('DROP TABLE', 'DROP VIEW') EXECUTE FUNCTION note_ddl();
COMMENT ON EVENT TRIGGER watch_drops IS 'dropped objects';
CREATE EVENT TRIGGER watch_all ON ddl_command_end WHEN TAG IN ('COMMENT') EXECUTE FUNCTION note_ddl();
ALTER EVENT TRIGGER watch_all DISABLE;
