CREATE TABLE countries (id integer PRIMARY KEY, iso char(2) NOT NULL CONSTRAINT uq_countries_iso UNIQUE, name text);
CREATE TABLE cities (id integer PRIMARY KEY, country char(2) CONSTRAINT fk_cities_country REFERENCES countries (iso));
INSERT INTO countries VALUES (1, 'NO', 'Norway');
INSERT INTO cities VALUES (1, 'NO');
