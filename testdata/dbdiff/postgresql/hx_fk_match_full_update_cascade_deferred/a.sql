CREATE TABLE regions (code text NOT NULL, country text NOT NULL, PRIMARY KEY (country, code));
CREATE TABLE stores (id integer PRIMARY KEY, country text, region text,
  CONSTRAINT stores_region_fk FOREIGN KEY (country, region) REFERENCES regions (country, code));
INSERT INTO regions VALUES ('BY', 'DE'), ('CA', 'US');
INSERT INTO stores VALUES (1, 'DE', 'BY'), (2, NULL, NULL);
