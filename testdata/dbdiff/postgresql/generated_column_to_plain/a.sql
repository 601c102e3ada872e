CREATE TABLE boxes (id integer PRIMARY KEY, w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED);
INSERT INTO boxes (id, w, h) VALUES (1, 2, 3);
