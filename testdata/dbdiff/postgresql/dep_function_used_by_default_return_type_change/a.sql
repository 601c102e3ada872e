CREATE FUNCTION default_score() RETURNS integer LANGUAGE sql AS 'SELECT 10';
CREATE TABLE players (id integer PRIMARY KEY, score integer DEFAULT default_score());
INSERT INTO players VALUES (1, 3);
