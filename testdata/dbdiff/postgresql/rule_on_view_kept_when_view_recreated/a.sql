CREATE TABLE people (id integer PRIMARY KEY, name varchar(20));
INSERT INTO people VALUES (1, 'ann');
CREATE VIEW people_v AS SELECT id, name FROM people;
CREATE RULE people_v_del AS ON DELETE TO people_v DO INSTEAD DELETE FROM people WHERE id = OLD.id;
COMMENT ON RULE people_v_del ON people_v IS 'deletes through';
