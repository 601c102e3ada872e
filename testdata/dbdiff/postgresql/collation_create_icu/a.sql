CREATE TABLE names (id integer PRIMARY KEY, name text);
INSERT INTO names VALUES (1, 'Ärger');
