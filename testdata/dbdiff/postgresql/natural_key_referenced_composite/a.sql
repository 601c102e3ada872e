CREATE TABLE years (y integer PRIMARY KEY);
CREATE TABLE months (y integer NOT NULL REFERENCES years (y), m smallint NOT NULL, PRIMARY KEY (y, m));
INSERT INTO years VALUES (2024);
INSERT INTO months VALUES (2024, 1), (2024, 2);
