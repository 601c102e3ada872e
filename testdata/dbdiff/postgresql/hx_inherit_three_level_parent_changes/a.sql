CREATE TABLE vehicles (id integer PRIMARY KEY, make text NOT NULL);
CREATE TABLE cars (doors smallint) INHERITS (vehicles);
CREATE TABLE sports_cars (top_speed integer) INHERITS (cars);
INSERT INTO cars VALUES (1, 'vw', 4); INSERT INTO sports_cars VALUES (2, 'porsche', 2, 300);
