CREATE DOMAIN us_zip AS text CONSTRAINT us_zip_format CHECK (VALUE ~ '^\d{5}$');
CREATE TABLE addresses (id integer PRIMARY KEY, zip us_zip);
INSERT INTO addresses VALUES (1, '12345');
