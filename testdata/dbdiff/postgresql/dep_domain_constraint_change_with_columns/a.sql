CREATE DOMAIN rating AS smallint CHECK (VALUE BETWEEN 1 AND 5);
CREATE TABLE reviews (id integer PRIMARY KEY, stars rating);
CREATE TABLE votes (id integer PRIMARY KEY, stars rating);
INSERT INTO reviews VALUES (1, 4);
