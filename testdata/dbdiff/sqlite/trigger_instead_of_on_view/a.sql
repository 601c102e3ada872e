CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT, last TEXT);
CREATE VIEW people_names AS SELECT id, first || ' ' || last AS name FROM people;
