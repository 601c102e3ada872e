CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT, last TEXT, full TEXT AS (first || ' ' || last));
INSERT INTO people (id, first, last) VALUES (1, 'Ada', 'Lovelace');
