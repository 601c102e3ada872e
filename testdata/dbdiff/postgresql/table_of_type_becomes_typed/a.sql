CREATE TYPE person_t AS (name text, born date);
CREATE TABLE persons (name text NOT NULL, born date, PRIMARY KEY (name));
INSERT INTO persons VALUES ('ada', '1815-12-10');
