CREATE TABLE boxes (id integer PRIMARY KEY, w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED, label text);
INSERT INTO boxes (id, w, h, label) VALUES (1, 2, 3, 'x');
