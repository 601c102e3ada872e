CREATE DOMAIN email_address AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE TABLE contacts (id integer PRIMARY KEY, name text, email email_address);
