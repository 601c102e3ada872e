CREATE TABLE countries (id integer PRIMARY KEY, iso char(2) NOT NULL CONSTRAINT uq_countries_iso UNIQUE);
CREATE TABLE cities (id integer PRIMARY KEY, country char(2) REFERENCES countries (iso));
