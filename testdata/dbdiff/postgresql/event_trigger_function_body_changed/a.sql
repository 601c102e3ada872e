CREATE TABLE ddl_seen (tag text);
INSERT INTO ddl_seen VALUES ('CREATE TABLE');
CREATE FUNCTION check_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM tag FROM ddl_seen LIMIT 0; END $$;
CREATE EVENT TRIGGER check_ddl_end ON ddl_command_end EXECUTE FUNCTION check_ddl();
ALTER EVENT TRIGGER check_ddl_end ENABLE ALWAYS;
