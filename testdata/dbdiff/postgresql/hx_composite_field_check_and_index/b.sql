CREATE TYPE address AS (street text, zip text);
CREATE TABLE shops (id integer PRIMARY KEY, addr address, CONSTRAINT shops_zip_check CHECK ((addr).zip IS NOT NULL));
CREATE INDEX shops_zip_idx ON shops (((addr).zip));
