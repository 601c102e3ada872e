CREATE TABLE invoice (id integer PRIMARY KEY, total numeric(10,2));
INSERT INTO invoice VALUES (1, 12.50);
