CREATE DOMAIN phone AS varchar(20) CHECK (VALUE ~ '^\+?[0-9 ]+$');
CREATE TABLE people (id integer PRIMARY KEY, phone phone);
