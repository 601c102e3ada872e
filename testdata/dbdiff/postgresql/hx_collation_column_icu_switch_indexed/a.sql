CREATE COLLATION "de-x-icu" (provider = icu, locale = 'de');
CREATE TABLE names (id integer PRIMARY KEY, name text COLLATE "C", title text);
CREATE INDEX names_name_idx ON names (name);
INSERT INTO names VALUES (1, 'Müller', 'Dr'), (2, 'Mueller', NULL);
