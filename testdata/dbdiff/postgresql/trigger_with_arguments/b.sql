CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE FUNCTION default_col() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER trg_t_defaults BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION default_col('b', 'it''s');
