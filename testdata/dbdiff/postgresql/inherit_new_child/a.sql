CREATE TABLE vehicles (id integer PRIMARY KEY, wheels integer NOT NULL DEFAULT 4, maker text);
INSERT INTO vehicles VALUES (1, 4, 'vw');
