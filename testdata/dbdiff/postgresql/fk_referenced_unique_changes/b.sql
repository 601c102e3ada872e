CREATE TABLE countries (id integer PRIMARY KEY, iso char(2) NOT NULL, name text, CONSTRAINT uq_countries_iso UNIQUE (iso, name));
CREATE TABLE cities (id integer PRIMARY KEY, country char(2));
