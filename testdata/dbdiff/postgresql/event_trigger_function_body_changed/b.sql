CREATE TABLE ddl_seen (tag text, by_user text DEFAULT current_user);
CREATE FUNCTION check_ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN PERFORM tag, by_user FROM ddl_seen LIMIT 0; END $$;
COMMENT ON FUNCTION check_ddl() IS 'reads the columns it needs';
CREATE EVENT TRIGGER check_ddl_end ON ddl_command_end EXECUTE FUNCTION check_ddl();
ALTER EVENT TRIGGER check_ddl_end ENABLE ALWAYS;
