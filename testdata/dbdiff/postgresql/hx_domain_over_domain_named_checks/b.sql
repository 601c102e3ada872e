CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN percent AS positive_int DEFAULT 1 CONSTRAINT percent_max CHECK (VALUE <= 100) CONSTRAINT percent_not_13 CHECK (VALUE <> 13);
CREATE DOMAIN small_percent AS percent CHECK (VALUE < 50);
CREATE TABLE scores (id integer PRIMARY KEY, pct percent NOT NULL, low small_percent);
