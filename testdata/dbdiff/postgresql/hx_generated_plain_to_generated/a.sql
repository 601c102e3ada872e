CREATE TABLE people (id integer PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, full_name text);
INSERT INTO people VALUES (1, 'Ada', 'Lovelace', 'Ada Lovelace');
