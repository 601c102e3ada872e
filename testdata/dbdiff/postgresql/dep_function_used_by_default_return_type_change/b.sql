CREATE FUNCTION default_score() RETURNS numeric LANGUAGE sql AS 'SELECT 10.5';
CREATE TABLE players (id integer PRIMARY KEY, score numeric DEFAULT default_score());
