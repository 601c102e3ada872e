CREATE TABLE contacts (id integer PRIMARY KEY, name text);
INSERT INTO contacts VALUES (1, 'n');
