CREATE TABLE countries (iso_numeric integer PRIMARY KEY, name text NOT NULL, alpha2 char(2));
CREATE TABLE cities (id integer PRIMARY KEY, country integer NOT NULL REFERENCES countries (iso_numeric), name text);
