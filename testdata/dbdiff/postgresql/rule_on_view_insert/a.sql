CREATE TABLE contacts (id integer PRIMARY KEY, name text, email text);
CREATE VIEW contact_names AS SELECT id, name FROM contacts;
