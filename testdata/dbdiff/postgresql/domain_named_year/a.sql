CREATE TABLE films (id integer PRIMARY KEY, title text);
INSERT INTO films VALUES (1, 'Metropolis');
