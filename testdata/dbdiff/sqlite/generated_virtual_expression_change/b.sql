CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT, last TEXT, full TEXT AS (last || ', ' || first));
