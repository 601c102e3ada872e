CREATE TABLE people (id integer PRIMARY KEY, first text, last text);
INSERT INTO people VALUES (1, 'a', 'b');
CREATE VIEW people_v AS SELECT id, first || ' ' || last AS name FROM people;
CREATE VIEW people_names AS SELECT name FROM people_v;
COMMENT ON VIEW people_names IS 'names only';
