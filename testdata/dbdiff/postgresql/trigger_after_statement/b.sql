CREATE TABLE prices (id integer PRIMARY KEY, v numeric);
CREATE FUNCTION notify_prices() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('prices', TG_OP); RETURN NULL; END $$;
CREATE TRIGGER trg_prices_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON prices FOR EACH STATEMENT EXECUTE FUNCTION notify_prices();
