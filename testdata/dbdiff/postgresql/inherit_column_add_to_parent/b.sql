CREATE TABLE shapes (id integer NOT NULL, name text, color text DEFAULT 'black');
CREATE TABLE circles (radius real) INHERITS (shapes);
