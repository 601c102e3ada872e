CREATE TABLE users (id integer PRIMARY KEY, email text, name text, email_changed_at timestamptz);
CREATE FUNCTION stamp_email() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.email_changed_at := now(); RETURN NEW; END $$;
CREATE TRIGGER trg_users_email BEFORE UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION stamp_email();
