CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN percent AS positive_int CHECK (VALUE <= 100);
CREATE TABLE scores (id integer PRIMARY KEY, pct percent NOT NULL);
INSERT INTO scores VALUES (1, 50);
