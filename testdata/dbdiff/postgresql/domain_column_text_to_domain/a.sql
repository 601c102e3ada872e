CREATE DOMAIN phone AS varchar(20) CHECK (VALUE ~ '^\+?[0-9 ]+$');
CREATE TABLE people (id integer PRIMARY KEY, phone varchar(20));
INSERT INTO people VALUES (1, '+49 30 1234');
