CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE FUNCTION f_upper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE FUNCTION f_lower() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := lower(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER trg_t_case BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f_upper();
