CREATE TABLE shapes (id integer NOT NULL, name text);
CREATE TABLE circles (radius real) INHERITS (shapes);
INSERT INTO circles VALUES (1, 'c', 2.5);
