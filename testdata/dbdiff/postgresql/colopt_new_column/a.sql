CREATE TABLE measurements (id integer PRIMARY KEY, value real);
INSERT INTO measurements VALUES (1, 2.5);
