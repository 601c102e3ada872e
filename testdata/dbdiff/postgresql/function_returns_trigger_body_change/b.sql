CREATE TABLE docs (id integer PRIMARY KEY, body text, updated_at timestamptz);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER trg_docs_updated BEFORE UPDATE ON docs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
