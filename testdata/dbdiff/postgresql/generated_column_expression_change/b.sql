CREATE TABLE people (id integer PRIMARY KEY, first text, last text, full_name text GENERATED ALWAYS AS (last || ', ' || first) STORED);
