CREATE TABLE people (id integer PRIMARY KEY, first text, last text, full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED);
INSERT INTO people (id, first, last) VALUES (1, 'ann', 'lee');
