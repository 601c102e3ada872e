CREATE TABLE animals (id integer NOT NULL, legs integer);
CREATE TABLE birds () INHERITS (animals);
INSERT INTO animals VALUES (1, 4);
INSERT INTO birds VALUES (2, 2);
