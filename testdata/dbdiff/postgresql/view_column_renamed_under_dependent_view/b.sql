CREATE TABLE people (id integer PRIMARY KEY, first text, last text);
CREATE VIEW people_v AS SELECT id, first || ' ' || last AS full_name FROM people;
CREATE VIEW people_names AS SELECT full_name AS name FROM people_v;
COMMENT ON VIEW people_names IS 'names only';
