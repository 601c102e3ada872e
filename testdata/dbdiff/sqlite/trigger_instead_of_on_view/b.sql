CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT, last TEXT);
CREATE VIEW people_names AS SELECT id, first || ' ' || last AS name FROM people;
CREATE TRIGGER trg_people_names_ins INSTEAD OF INSERT ON people_names
BEGIN
    INSERT INTO people VALUES (NEW.id, substr(NEW.name, 1, instr(NEW.name, ' ') - 1), substr(NEW.name, instr(NEW.name, ' ') + 1));
END;
