CREATE TABLE wide (id integer PRIMARY KEY, c1 text, c2 integer, c3 boolean, c4 date, c5 numeric, c6 text, c7 text, c8 integer, c9 jsonb, c10 text);
INSERT INTO wide VALUES (1, 'a', 2, true, '2024-01-01', 1.5, 'f', 'g', 8, '{"k": 1}', 'j');
