CREATE TABLE animals (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE dogs (breed text) INHERITS (animals);
INSERT INTO dogs VALUES (1, 'rex', 'lab');
