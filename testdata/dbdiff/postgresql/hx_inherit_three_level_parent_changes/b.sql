CREATE TABLE vehicles (id integer PRIMARY KEY, make text NOT NULL, model text, CONSTRAINT vehicles_make_check CHECK (make <> ''));
CREATE TABLE cars (doors smallint DEFAULT 4) INHERITS (vehicles);
CREATE TABLE sports_cars (top_speed integer) INHERITS (cars);
CREATE INDEX sports_cars_speed_idx ON sports_cars (top_speed);
