CREATE TYPE address AS (street text, zip text);
CREATE TABLE shops (id integer PRIMARY KEY, addr address);
INSERT INTO shops VALUES (1, ROW('Main 1', '12345'));
