CREATE TABLE people (id integer PRIMARY KEY, name text);
INSERT INTO people VALUES (1, 'ann');
CREATE FUNCTION greet(name text, greeting text DEFAULT 'hello') RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT greeting || ', ' || name $$;
CREATE VIEW greetings AS SELECT id, greet(name, 'hi') AS line FROM people;
