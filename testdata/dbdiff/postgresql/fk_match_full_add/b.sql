CREATE TABLE regions (country char(2), code text, PRIMARY KEY (country, code));
CREATE TABLE offices (id integer PRIMARY KEY, country char(2), region text, CONSTRAINT fk_offices_region FOREIGN KEY (country, region) REFERENCES regions MATCH FULL);
