CREATE TABLE contacts (id integer PRIMARY KEY, name text, email text);
CREATE VIEW contact_names AS SELECT id, name FROM contacts;
CREATE RULE contact_names_insert AS ON INSERT TO contact_names DO INSTEAD INSERT INTO contacts (id, name) VALUES (NEW.id, NEW.name);
