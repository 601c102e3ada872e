CREATE TABLE animals (id integer PRIMARY KEY, name varchar(100) NOT NULL, born date);
CREATE TABLE dogs (breed text, CONSTRAINT dogs_breed_check CHECK (breed <> '')) INHERITS (animals);
CREATE INDEX dogs_name_idx ON dogs (name);
