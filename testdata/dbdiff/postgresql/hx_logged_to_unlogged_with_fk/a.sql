CREATE TABLE staging (id integer PRIMARY KEY, data text);
CREATE TABLE staging_items (id integer PRIMARY KEY, staging_id integer REFERENCES staging);
INSERT INTO staging VALUES (1, 'a'); INSERT INTO staging_items VALUES (1, 1);
