CREATE TABLE counters (id smallint PRIMARY KEY, hits integer, total integer, f real);
INSERT INTO counters VALUES (1, 10, 100, 1.5);
