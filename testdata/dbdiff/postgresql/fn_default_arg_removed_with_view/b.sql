CREATE TABLE people (id integer PRIMARY KEY, name text);
CREATE FUNCTION greet(name text, greeting text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT greeting || ', ' || name $$;
CREATE VIEW greetings AS SELECT id, greet(name, 'hi') AS line FROM people;
