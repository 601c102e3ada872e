CREATE TABLE people (id integer PRIMARY KEY, first text, last text);
CREATE VIEW people_names AS SELECT id, first || ' ' || last AS name FROM people;
CREATE FUNCTION people_names_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO people VALUES (NEW.id, split_part(NEW.name, ' ', 1), split_part(NEW.name, ' ', 2));
    RETURN NEW;
END
$$;
CREATE TRIGGER trg_people_names_insert INSTEAD OF INSERT ON people_names FOR EACH ROW EXECUTE FUNCTION people_names_insert();
