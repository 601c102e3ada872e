CREATE TABLE prices (id integer PRIMARY KEY, v numeric);
CREATE FUNCTION notify_prices() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('prices', TG_OP); RETURN NULL; END $$;
