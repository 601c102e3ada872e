CREATE TABLE vehicles (id integer PRIMARY KEY, wheels integer NOT NULL DEFAULT 4, maker text);
CREATE TABLE trucks (payload_kg integer) INHERITS (vehicles);
