CREATE DOMAIN us_zip AS text CONSTRAINT us_zip_format CHECK (VALUE ~ '^\d{5}(-\d{4})?$');
CREATE TABLE addresses (id integer PRIMARY KEY, zip us_zip);
