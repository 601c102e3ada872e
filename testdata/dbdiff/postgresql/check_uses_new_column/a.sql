CREATE TABLE ranges (id integer PRIMARY KEY, lo integer);
INSERT INTO ranges VALUES (1, 1);
