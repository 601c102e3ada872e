CREATE TABLE animals (id integer NOT NULL, legs integer, CONSTRAINT ck_animals_only_four CHECK (legs = 4) NO INHERIT);
CREATE TABLE birds () INHERITS (animals);
