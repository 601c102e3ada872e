CREATE TYPE person_t AS (name text, born date);
CREATE TABLE persons OF person_t (PRIMARY KEY (name), born WITH OPTIONS DEFAULT '2000-01-01');
